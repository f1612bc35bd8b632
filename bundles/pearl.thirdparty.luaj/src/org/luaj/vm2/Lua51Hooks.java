package org.luaj.vm2;

import pearl.thirdparty.luaj.CFormat;

/**
 * Where the patched LuaJ methods land (see patch/PatchLuaJ.java), and the access an embedder
 * needs to LuaJ's package-private state to make errors read as Lua 5.1's.
 */
public final class Lua51Hooks {

    /**
     * Installed as a {@link Globals#debuglib} that also implements this interface, it decides the
     * text of every runtime error at the innermost Lua frame it passes through.
     */
    public interface ErrorHandler {
        /**
         * @param error the error, not yet positioned
         * @param closure the innermost Lua function the error passed through
         * @param pc the index of the instruction that raised it (for a call: the call)
         */
        void onError(LuaError error, LuaClosure closure, int pc);
    }

    private Lua51Hooks() {
    }

    static String numberText(double v) {
        return CFormat.luaNumber(v);
    }

    static LuaNumber number(double d) {
        int i = (int) d;
        if (i == d && (i != 0 || 1 / d > 0)) {
            return LuaInteger.valueOf(i);
        }
        return new LuaDouble(d);
    }

    static LuaValue negate(int v) {
        return v == 0 ? new LuaDouble(-0.0) : LuaInteger.valueOf(-(long) v);
    }

    static void processError(LuaClosure closure, LuaError error, Prototype p, int pc) {
        Globals globals = closure.globals;
        if (globals != null && globals.debuglib instanceof ErrorHandler handler) {
            handler.onError(error, closure, pc);
            if (error.traceback == null) {
                error.traceback = error.getMessage();
            }
            return;
        }
        String source = p.source != null ? p.source.tojstring() : "?";
        int line = p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length ? p.lineinfo[pc] : -1;
        error.fileline = source + ":" + (line < 0 ? "?" : String.valueOf(line));
        error.traceback = error.getMessage();
    }

    /** The error's message without any position LuaJ would add. */
    public static String rawMessage(LuaError error) {
        String fileline = error.fileline;
        String traceback = error.traceback;
        error.fileline = null;
        error.traceback = null;
        try {
            return error.getMessage();
        } finally {
            error.fileline = fileline;
            error.traceback = traceback;
        }
    }

    /** Fixes the text {@link LuaError#getMessage()} returns; later frames leave it alone. */
    public static void setMessage(LuaError error, String text) {
        error.traceback = text;
    }

    /** Whether the error has been given its final text. */
    public static boolean isPositioned(LuaError error) {
        return error.traceback != null;
    }

    /** The globals a closure was created under (null when its environment was not a Globals). */
    public static Globals globals(LuaClosure closure) {
        return closure.globals;
    }

    /** The level {@code error()} was given. */
    public static int level(LuaError error) {
        return error.level;
    }
}
