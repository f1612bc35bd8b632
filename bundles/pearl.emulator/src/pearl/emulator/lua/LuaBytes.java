package pearl.emulator.lua;

import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Lua strings are bytes. Inside the emulator they travel as Java strings with one char per byte
 * (0-255, ISO-8859-1), never decoded as UTF-8, so binary chunks and sensor data survive.
 */
public final class LuaBytes {

    private LuaBytes() {
    }

    /** The bytes of {@code s}, one char each. */
    public static String chars(LuaString s) {
        StringBuilder out = new StringBuilder(s.m_length);
        append(out, s);
        return out.toString();
    }

    /** The bytes of a string or number value ({@code %.14g}), one char each. */
    public static String chars(LuaValue v) {
        return chars(v.strvalue());
    }

    /** Appends the bytes of {@code s}, one char each. */
    public static void append(StringBuilder out, LuaString s) {
        for (int i = 0; i < s.m_length; i++) {
            out.append((char) (s.m_bytes[s.m_offset + i] & 0xff));
        }
    }

    /** A Lua string of the chars of {@code s} taken as bytes. */
    public static LuaString string(String s) {
        return LuaString.valueUsing(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
