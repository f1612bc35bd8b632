package pearl.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import pearl.emulator.lua.LuaChunks;
import pearl.lua.LuaSyntaxError;

/**
 * The board's Lua Flash Store: the modules of a project's {@code lfs/} folder, built into an image
 * as {@code luac.cross -f} would build them, so that they run from flash and cost no heap. Built
 * once at launch (a syntax error fails the build, naming file and line, as the image build
 * would) and kept across reboots, as flash is.
 */
public final class LuaFlashStore {

    /** The LFS partition size of a typical build (0x40000, as in the firmware's example banner). */
    public static final int DEFAULT_SIZE = 0x40000;

    private final Map<String, String> sources;
    private final int size;
    private final long builtAt;

    private LuaFlashStore(Map<String, String> sources, int size, long builtAt) {
        this.sources = Collections.unmodifiableMap(sources);
        this.size = size;
        this.builtAt = builtAt;
    }

    /** An empty store: the build has no LFS partition. */
    public static LuaFlashStore none() {
        return new LuaFlashStore(new TreeMap<>(), 0, 0);
    }

    /**
     * The image of the {@code .lua} files in {@code folder} (module name = file name without
     * {@code .lua}); {@link #none()} when the folder does not exist.
     *
     * @throws IOException naming the file and line of a syntax error, or an image too large
     */
    public static LuaFlashStore build(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return none();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(f -> f.getFileName().toString().endsWith(".lua") && Files.isRegularFile(f)).sorted()
                    .forEach(files::add);
        }
        Map<String, String> sources = new TreeMap<>();
        long bytes = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            List<LuaSyntaxError> errors = LuaChunks.syntaxErrors(file.getFileName().toString(), text);
            if (!errors.isEmpty()) {
                LuaSyntaxError e = errors.get(0);
                throw new IOException(file + ":" + e.line() + ": " + e.message() + " (the LFS image cannot be built)");
            }
            String name = file.getFileName().toString();
            sources.put(name.substring(0, name.length() - ".lua".length()), text);
            bytes += text.length();
        }
        if (bytes > DEFAULT_SIZE) {
            throw new IOException(folder + ": " + bytes + " bytes of Lua do not fit in the " + DEFAULT_SIZE
                    + "-byte LFS partition");
        }
        return new LuaFlashStore(sources, DEFAULT_SIZE, Files.getLastModifiedTime(folder).toMillis() / 1000);
    }

    /** Whether the board has an LFS partition. */
    public boolean exists() {
        return size > 0;
    }

    /** The partition size in bytes (0 without LFS). */
    public int size() {
        return size;
    }

    /** The modules' names, sorted. */
    public List<String> names() {
        return new ArrayList<>(sources.keySet());
    }

    /** A module's source, or null. */
    public String source(String module) {
        return sources.get(module);
    }

    /** Bytes of the image in use (the sources stand in for the compiled image). */
    public int used() {
        return sources.values().stream().mapToInt(String::length).sum();
    }

    /** When the image was built, in seconds since 1970 ({@code node.LFS.time}). */
    public long time() {
        return builtAt;
    }
}
