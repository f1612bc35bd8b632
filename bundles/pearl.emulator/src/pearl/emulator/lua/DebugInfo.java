package pearl.emulator.lua;

import org.luaj.vm2.LocVars;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Prototype;

/**
 * {@code node.stripdebug} levels: 1 keeps a function's debug information, 2 drops local and upvalue
 * names, 3 drops line numbers too (errors then carry no position, as on the board). The heap
 * tracker sees the smaller prototypes.
 */
public final class DebugInfo {

    /** Keep everything. */
    public static final int KEEP = 1;
    /** Drop local and upvalue names. */
    public static final int NO_NAMES = 2;
    /** Drop names and line numbers. */
    public static final int NO_LINES = 3;

    private static final LocVars[] NO_LOCALS = {};
    private static final LuaString ENV = LuaString.valueOf("_ENV");

    private DebugInfo() {
    }

    /** Strips {@code p} and the functions inside it to {@code level}. */
    public static void strip(Prototype p, int level) {
        if (level >= NO_NAMES) {
            p.locvars = NO_LOCALS;
            if (p.upvalues != null) {
                for (var u : p.upvalues) {
                    // _ENV is LuaJ's way to a 5.1 environment, not a user's upvalue: it keeps its name
                    if (u.name != null && !u.name.equals(ENV)) {
                        u.name = null;
                    }
                }
            }
        }
        if (level >= NO_LINES) {
            p.lineinfo = null;
        }
        if (p.p != null) {
            for (Prototype child : p.p) {
                strip(child, level);
            }
        }
    }
}
