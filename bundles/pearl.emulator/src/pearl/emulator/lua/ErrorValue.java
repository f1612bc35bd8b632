package pearl.emulator.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * A value raised by {@code error()}, {@code assert} or the firmware with its position already
 * decided; frames it passes leave it as it is.
 */
public final class ErrorValue extends LuaError {
    private static final long serialVersionUID = 1L;

    /** Raises {@code value} (nil, a string with any position prepended, a table...). */
    public ErrorValue(LuaValue value) {
        super(value);
    }
}
