package pearl.emulator.lua;

import pearl.lua.patterns.LuaPatterns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;

import pearl.thirdparty.luaj.CFormat;

/**
 * {@code string.format} as the firmware's C code does it: each {@code %} item is scanned like
 * {@code scanformat} (flags from {@code "-+ #0"}, at most two digits of width and of precision),
 * then printed with the board's C library, whose {@code long} is 32 bits. Items are C strings, so
 * a zero byte ends one ({@code %c} of 0 adds nothing, {@code %s} stops at a zero byte) except a
 * {@code %s} of 100 bytes or more without precision, which is inserted whole, and {@code %q}.
 */
final class StringFormat {

    private static final String FLAGS = "-+ #0";
    private static final double TWO_32 = 4294967296.0;

    private StringFormat() {
    }

    /** {@code string.format(args...)}. */
    static LuaString format(Varargs args) {
        int top = args.narg();
        LuaString fmt = LuaArgs.checkString(args, 1);
        byte[] f = fmt.m_bytes;
        int i = fmt.m_offset;
        int end = fmt.m_offset + fmt.m_length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(fmt.m_length + 16);
        int arg = 1;
        while (i < end) {
            int c = f[i] & 0xff;
            if (c != '%') {
                out.write(c);
                i++;
                continue;
            }
            i++;
            if (at(f, i, end) == '%') {
                out.write('%');
                i++;
                continue;
            }
            if (++arg > top) {
                throw LuaArgs.argError(arg, "no value");
            }
            // scanformat
            int start = i;
            int p = i;
            while (at(f, p, end) != 0 && FLAGS.indexOf(at(f, p, end)) >= 0) {
                p++;
            }
            if (p - start >= FLAGS.length() + 1) {
                throw new LuaError("invalid format (repeated flags)");
            }
            String flags = new String(f, start, p - start, StandardCharsets.ISO_8859_1);
            int width = -1;
            int precision = -1;
            if (LuaPatterns.isDigit(at(f, p, end))) {
                width = at(f, p++, end) - '0';
                if (LuaPatterns.isDigit(at(f, p, end))) {
                    width = width * 10 + at(f, p++, end) - '0';
                }
            }
            if (at(f, p, end) == '.') {
                p++;
                precision = 0;
                if (LuaPatterns.isDigit(at(f, p, end))) {
                    precision = at(f, p++, end) - '0';
                    if (LuaPatterns.isDigit(at(f, p, end))) {
                        precision = precision * 10 + at(f, p++, end) - '0';
                    }
                }
            }
            if (LuaPatterns.isDigit(at(f, p, end))) {
                throw new LuaError("invalid format (width or precision too long)");
            }
            int conversion = at(f, p, end);
            i = p + 1;
            String item;
            switch (conversion) {
                case 'c': {
                    int code = LuaArgs.toInt(LuaArgs.checkNumber(args, arg)) & 0xff;
                    item = CFormat.text(String.valueOf((char) code), new CFormat.Spec(flags, width, -1, 's'));
                    break;
                }
                case 'd':
                case 'i': {
                    long v = LuaArgs.toInt(LuaArgs.checkNumber(args, arg));
                    item = CFormat.integer(v, new CFormat.Spec(flags, width, precision, (char) conversion));
                    break;
                }
                case 'o':
                case 'u':
                case 'x':
                case 'X': {
                    long v = toUnsignedLong(LuaArgs.checkNumber(args, arg));
                    item = CFormat.integer(v, new CFormat.Spec(flags, width, precision, (char) conversion));
                    break;
                }
                case 'e':
                case 'E':
                case 'f':
                case 'g':
                case 'G': {
                    double v = LuaArgs.checkNumber(args, arg);
                    item = CFormat.floating(v, new CFormat.Spec(flags, width, precision, (char) conversion));
                    break;
                }
                case 'q':
                    addQuoted(out, LuaArgs.checkString(args, arg));
                    continue;
                case 's': {
                    LuaString s = LuaArgs.checkString(args, arg);
                    if (precision < 0 && s.m_length >= 100) {
                        out.write(s.m_bytes, s.m_offset, s.m_length);
                        continue;
                    }
                    String text = new String(s.m_bytes, s.m_offset, LuaPatterns.cLength(s), StandardCharsets.ISO_8859_1);
                    item = CFormat.text(text, new CFormat.Spec(flags, width, precision, 's'));
                    break;
                }
                default:
                    // a zero byte prints as nothing through %c of lua_pushfstring
                    throw new LuaError("invalid option '%" + (conversion == 0 ? "" : String.valueOf((char) conversion))
                            + "' to 'format'");
            }
            int nul = item.indexOf('\0');
            if (nul >= 0) {
                item = item.substring(0, nul);
            }
            byte[] b = item.getBytes(StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    /** The byte at {@code i}, or the C terminator {@code 0} at the end. */
    private static int at(byte[] f, int i, int end) {
        return i < end ? f[i] & 0xff : 0;
    }

    /**
     * {@code (unsigned long) d} on the board (32 bits, soft float): negative values wrap through
     * the signed conversion, values past the top saturate.
     */
    static long toUnsignedLong(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        if (d < 0) {
            return LuaArgs.toInt(d) & 0xffffffffL;
        }
        if (d >= TWO_32) {
            return 0xffffffffL;
        }
        return (long) d;
    }

    /** {@code %q}: a string Lua can read back. */
    private static void addQuoted(ByteArrayOutputStream out, LuaString s) {
        out.write('"');
        for (int k = 0; k < s.m_length; k++) {
            int c = s.m_bytes[s.m_offset + k] & 0xff;
            switch (c) {
                case '"', '\\', '\n' -> {
                    out.write('\\');
                    out.write(c);
                }
                case '\r' -> out.write(new byte[] { '\\', 'r' }, 0, 2);
                case 0 -> out.write(new byte[] { '\\', '0', '0', '0' }, 0, 4);
                default -> out.write(c);
            }
        }
        out.write('"');
    }
}
