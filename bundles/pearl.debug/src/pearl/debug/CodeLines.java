package pearl.debug;

import java.util.NavigableSet;
import java.util.TreeSet;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

import pearl.emulator.lua.LuaChunks;

/**
 * The lines of a Lua source that carry code: where a line breakpoint can stop. A breakpoint on a
 * blank line, a comment or an {@code end} moves to the next such line, as Lua debuggers do.
 */
public final class CodeLines {

    private final NavigableSet<Integer> lines;

    private CodeLines(NavigableSet<Integer> lines) {
        this.lines = lines;
    }

    /**
     * The code lines of {@code source}, compiled as chunk {@code chunkName}.
     *
     * @throws LuaError with the compiler's message when the source does not compile
     */
    public static CodeLines of(String source, String chunkName) {
        Globals compiler = new Globals();
        LuaC.install(compiler);
        Prototype main = new LuaChunks(compiler).compile(source, chunkName).p;
        NavigableSet<Integer> lines = new TreeSet<>();
        collect(main, lines);
        return new CodeLines(lines);
    }

    private static void collect(Prototype p, NavigableSet<Integer> lines) {
        if (p.lineinfo != null) {
            for (int pc = 0; pc < p.lineinfo.length; pc++) {
                // the closing RETURN carries the line of the 'end' (or the chunk's last token): not a line to stop on
                if (pc < p.lineinfo.length - 1 || p.lineinfo.length == 1) {
                    lines.add(p.lineinfo[pc]);
                }
            }
        }
        if (p.p != null) {
            for (Prototype inner : p.p) {
                collect(inner, lines);
            }
        }
    }

    /** The first line at or after {@code line} that carries code, or -1 when none does. */
    public int atOrAfter(int line) {
        Integer found = lines.ceiling(line);
        return found == null ? -1 : found;
    }

    /** Whether {@code line} carries code. */
    public boolean contains(int line) {
        return lines.contains(line);
    }
}
