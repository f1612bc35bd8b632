package pearl.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;

/**
 * The line breakpoints of every source, by chunk name. The client replaces a source's breakpoints
 * from its thread; the board's thread asks, per function, on which instructions to stop.
 */
public final class BreakpointTable {

    /** One breakpoint as asked for: line, and the optional condition, hit count and log message. */
    public record Request(int line, String condition, String hitCondition, String logMessage) {
    }

    private final SourceFiles sources;
    private final Map<String, Map<Integer, LineBreakpoint>> byChunk = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> hitCounts = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int version;
    /** Per function: the instructions to stop on; board thread only, emptied when breakpoints change. */
    private final Map<Prototype, boolean[]> stops = new WeakHashMap<>();
    private int stopsVersion = -1;

    /** Breakpoints in the files of {@code sources}. */
    public BreakpointTable(SourceFiles sources) {
        this.sources = sources;
    }

    /**
     * Replaces the breakpoints of {@code file} with {@code requests}, each moved to the first line
     * with code at or after it.
     *
     * @return the breakpoints as set, in the order asked
     */
    public List<LineBreakpoint> set(Path file, List<Request> requests) {
        String chunk = sources.chunkOf(file);
        CodeLines code = null;
        String problem = null;
        try {
            code = CodeLines.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), chunk);
        } catch (IOException e) {
            problem = "cannot read " + file + ": " + e.getMessage();
        } catch (LuaError e) {
            problem = "the file does not compile: " + e.getMessage();
        }
        List<LineBreakpoint> result = new ArrayList<>();
        Map<Integer, LineBreakpoint> byLine = new HashMap<>();
        for (Request r : requests) {
            int id = ids.incrementAndGet();
            String why = problem;
            int line = -1;
            HitCondition hits = null;
            try {
                hits = HitCondition.parse(r.hitCondition());
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
            if (why == null) {
                line = code.atOrAfter(r.line());
                if (line < 0) {
                    why = "no code at or after line " + r.line();
                }
            }
            LineBreakpoint b = new LineBreakpoint(id, r.line(), line, blankToNull(r.condition()), hits,
                    blankToNull(r.logMessage()), why);
            result.add(b);
            if (b.verified()) {
                byLine.putIfAbsent(line, b);
                hitCounts.put(id, new int[1]);
            }
        }
        if (byLine.isEmpty()) {
            byChunk.remove(chunk);
        } else {
            byChunk.put(chunk, Map.copyOf(byLine));
        }
        version++;
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Changes with every {@link #set}: the board's thread compares it to refresh running frames. */
    public int version() {
        return version;
    }

    /** The breakpoint on {@code line} of chunk {@code chunkName}, or null. */
    public LineBreakpoint at(String chunkName, int line) {
        Map<Integer, LineBreakpoint> lines = byChunk.get(chunkName);
        return lines == null ? null : lines.get(line);
    }

    /** Counts a hit of {@code b}; returns the count including this one. */
    public int hit(LineBreakpoint b) {
        int[] count = hitCounts.computeIfAbsent(b.id(), k -> new int[1]);
        return ++count[0];
    }

    /** How many breakpoints are set, verified or not. */
    public int size() {
        return byChunk.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Per instruction of {@code function}, whether its line has a breakpoint; null when none of
     * its lines has. Board thread only.
     */
    public boolean[] stopsOf(Prototype function) {
        int v = version;
        if (v != stopsVersion) {
            stops.clear();
            stopsVersion = v;
        }
        if (stops.containsKey(function)) {
            return stops.get(function);
        }
        boolean[] result = null;
        Map<Integer, LineBreakpoint> lines = function.source == null ? null : byChunk.get(function.source.tojstring());
        if (lines != null && function.lineinfo != null) {
            for (int pc = 0; pc < function.lineinfo.length; pc++) {
                if (lines.containsKey(function.lineinfo[pc])) {
                    if (result == null) {
                        result = new boolean[function.lineinfo.length];
                    }
                    result[pc] = true;
                }
            }
        }
        stops.put(function, result);
        return result;
    }
}
