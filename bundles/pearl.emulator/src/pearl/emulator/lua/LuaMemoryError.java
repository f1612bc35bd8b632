package pearl.emulator.lua;

import org.luaj.vm2.LuaError;

/**
 * Lua 5.1's memory error ({@code LUA_ERRMEM}): raised when an allocation cannot be satisfied even
 * after a full collection. Its message is {@code not enough memory}, with no position, and no
 * error handler (traceback) runs for it, as in 5.1.
 */
public final class LuaMemoryError extends LuaError {
    private static final long serialVersionUID = 1L;

    /** Lua 5.1's MEMERRMSG. */
    public static final String MESSAGE = "not enough memory";

    /** A memory error. */
    public LuaMemoryError() {
        super(MESSAGE);
    }
}
