package pearl.emulator.modules;

import org.luaj.vm2.LuaError;

/**
 * A {@code struct} format string read option by option: byte order ({@code < > =}), the
 * alignment limit ({@code !n}), and the options proper with their sizes and the padding that
 * alignment puts before them.
 */
final class StructFormat {

    /** Integers may be at most this many bytes. */
    static final int MAX_INT_SIZE = 32;
    /** {@code !} alone: the strictest alignment the compiler uses (a double's). */
    private static final int NATIVE_ALIGN = 8;

    /**
     * One value's slot.
     *
     * @param kind    {@code i} signed, {@code u} unsigned, {@code f}, {@code d}, {@code c} fixed
     *                string (size 0: as long as given / the previous value), {@code s}
     *                zero-terminated, {@code x} a padding byte
     * @param size    bytes of the slot
     * @param padding bytes of alignment before it
     */
    record Option(char kind, int size, int padding) {
    }

    private final String format;
    private int pos;
    private boolean bigEndian;
    private int maxAlign = 1;

    StructFormat(String format) {
        this.format = format;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** The next value's option at {@code offset} bytes into the struct, or null at the end. */
    Option next(int offset) {
        while (pos < format.length()) {
            char c = format.charAt(pos++);
            switch (c) {
                case ' ' -> {
                }
                case '<', '=' -> bigEndian = false;
                case '>' -> bigEndian = true;
                case '!' -> maxAlign = number(NATIVE_ALIGN);
                case 'x' -> {
                    return new Option('x', 1, 0);
                }
                case 'b' -> {
                    return aligned('i', 1, offset);
                }
                case 'B' -> {
                    return aligned('u', 1, offset);
                }
                case 'h' -> {
                    return aligned('i', 2, offset);
                }
                case 'H' -> {
                    return aligned('u', 2, offset);
                }
                case 'l' -> {
                    return aligned('i', 4, offset);
                }
                case 'L', 'T' -> {
                    return aligned('u', 4, offset);
                }
                case 'i', 'I' -> {
                    int size = number(4);
                    if (size > MAX_INT_SIZE) {
                        throw new LuaError("integral size " + size + " is larger than limit of " + MAX_INT_SIZE);
                    }
                    return aligned(c == 'i' ? 'i' : 'u', size, offset);
                }
                case 'f' -> {
                    return aligned('f', 4, offset);
                }
                case 'd' -> {
                    return aligned('d', 8, offset);
                }
                case 'c' -> {
                    return new Option('c', number(1), 0);
                }
                case 's' -> {
                    return new Option('s', 0, 0);
                }
                default -> throw new LuaError("invalid format option '" + c + "'");
            }
        }
        return null;
    }

    private Option aligned(char kind, int size, int offset) {
        int align = Math.min(size, maxAlign);
        if (align <= 1) {
            return new Option(kind, size, 0);
        }
        if ((align & (align - 1)) != 0) {
            throw new LuaError("alignment " + align + " is not a power of 2");
        }
        return new Option(kind, size, (align - offset % align) % align);
    }

    /** The digits after an option, or {@code absent} without any. */
    private int number(int absent) {
        int start = pos;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) {
            pos++;
        }
        return pos == start ? absent : Integer.parseInt(format.substring(start, pos));
    }
}
