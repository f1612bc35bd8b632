package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkNumber;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;

import java.io.ByteArrayOutputStream;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code struct}: Lua values to and from C structs in binary strings. The format is read one
 * option at a time ({@link StructFormat}); integers are two's complement of any size up to 32
 * bytes, floats IEEE 754, in the chosen byte order (little-endian by default, as the ESP8266 is),
 * aligned only when {@code !} asks for it.
 */
public final class StructModule implements FirmwareModule {

    @Override
    public String name() {
        return "struct";
    }

    @Override
    public void define(RomTable struct, Board board) {
        LibraryFunction.define(struct, "pack", args -> ModuleAllocations.string(board, pack(args)));
        LibraryFunction.define(struct, "unpack", StructModule::unpack);
        LibraryFunction.define(struct, "size", args -> {
            StructFormat f = new StructFormat(checkString(args, 1).tojstring());
            int total = 0;
            StructFormat.Option o;
            while ((o = f.next(total)) != null) {
                if (o.kind() == 's' || (o.kind() == 'c' && o.size() == 0)) {
                    throw argError(1, "option '" + (o.kind() == 's' ? "s" : "c0") + "' has no fixed size");
                }
                total += o.padding() + o.size();
            }
            return LuaValue.valueOf(total);
        });
    }

    private static LuaString pack(Varargs args) {
        StructFormat f = new StructFormat(checkString(args, 1).tojstring());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 2;
        StructFormat.Option o;
        while ((o = f.next(out.size())) != null) {
            out.write(new byte[o.padding()], 0, o.padding());
            switch (o.kind()) {
                case 'x' -> out.write(0);
                case 'i', 'u' -> writeInt(out, (long) checkNumber(args, arg++), o.size(), f.bigEndian());
                case 'f' -> writeInt(out, Float.floatToIntBits((float) checkNumber(args, arg++)), 4, f.bigEndian());
                case 'd' -> writeInt(out, Double.doubleToLongBits(checkNumber(args, arg++)), 8, f.bigEndian());
                case 'c' -> {
                    LuaString s = checkString(args, arg);
                    int size = o.size() == 0 ? s.m_length : o.size();
                    if (s.m_length < size) {
                        throw argError(arg, "string too short");
                    }
                    out.write(s.m_bytes, s.m_offset, size);
                    arg++;
                }
                case 's' -> {
                    LuaString s = checkString(args, arg++);
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                    out.write(0);
                }
                default -> throw new IllegalStateException(String.valueOf(o.kind()));
            }
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    private static Varargs unpack(Varargs args) {
        StructFormat f = new StructFormat(checkString(args, 1).tojstring());
        LuaString data = checkString(args, 2);
        int pos = optInt(args, 3, 1) - 1;
        if (pos < 0) {
            throw argError(3, "offset must be 1 or greater");
        }
        java.util.List<LuaValue> values = new java.util.ArrayList<>();
        StructFormat.Option o;
        while ((o = f.next(pos)) != null) {
            pos += o.padding();
            int size = o.size();
            if (o.kind() == 'c' && size == 0) {
                if (values.isEmpty() || !values.get(values.size() - 1).isnumber()) {
                    throw new LuaError("format 'c0' needs a previous size");
                }
                size = values.remove(values.size() - 1).toint();
            }
            if (o.kind() == 's') {
                int end = pos;
                while (end < data.m_length && data.luaByte(end) != 0) {
                    end++;
                }
                if (end >= data.m_length) {
                    throw new LuaError("unfinished string in data");
                }
                values.add(data.substring(pos, end));
                pos = end + 1;
                continue;
            }
            if (pos + size > data.m_length) {
                throw argError(2, "data string too short");
            }
            switch (o.kind()) {
                case 'i' -> values.add(LuaValue.valueOf((double) readInt(data, pos, size, f.bigEndian(), true)));
                case 'u' -> values.add(LuaValue.valueOf(unsigned(readInt(data, pos, size, f.bigEndian(), false), size)));
                case 'f' -> values.add(LuaValue.valueOf(Float.intBitsToFloat((int) readInt(data, pos, 4, f.bigEndian(), false))));
                case 'd' -> values.add(LuaValue.valueOf(Double.longBitsToDouble(readInt(data, pos, 8, f.bigEndian(), false))));
                case 'c' -> values.add(data.substring(pos, pos + size));
                default -> {
                    // 'x': padding, no value
                }
            }
            pos += size;
        }
        values.add(LuaValue.valueOf(pos + 1));
        return LuaValue.varargsOf(values.toArray(new LuaValue[0]));
    }

    /** Writes the low {@code size} bytes of {@code v}; sign bytes beyond eight. */
    private static void writeInt(ByteArrayOutputStream out, long v, int size, boolean bigEndian) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            byte octet = i < 8 ? (byte) (v >> (8 * i)) : (byte) (v < 0 ? 0xff : 0);
            b[bigEndian ? size - 1 - i : i] = octet;
        }
        out.write(b, 0, size);
    }

    /** Reads {@code size} bytes as a two's complement number (its low 64 bits). */
    private static long readInt(LuaString data, int pos, int size, boolean bigEndian, boolean signed) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int octet = data.luaByte(pos + (bigEndian ? i : size - 1 - i));
            v = v << 8 | octet;
        }
        if (signed && size < 8 && size > 0) {
            int shift = 64 - 8 * size;
            v = v << shift >> shift;
        }
        return v;
    }

    private static double unsigned(long v, int size) {
        return size < 8 || v >= 0 ? v : Double.parseDouble(Long.toUnsignedString(v));
    }
}
