package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.hardware.SpiBus;
import pearl.emulator.hardware.SpiDataBuffer;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code spi}: the master on id 1 (HSPI), exchanging bytes with the board's {@link SpiBus}
 * (numbers of {@code databits} bits go out MSB first); id 0 is the flash's bus, where no
 * simulated device sits. In full duplex {@code spi.send} also returns what came back. The
 * bit-level functions ({@code set_mosi}, {@code get_miso}, {@code transaction}) work on each
 * bus's 512-bit {@link SpiDataBuffer}.
 */
public final class SpiModule implements FirmwareModule {

    private static final int HSPI = 1;
    private static final int CPU_MHZ = 80;

    @Override
    public String name() {
        return "spi";
    }

    @Override
    public void define(RomTable spi, Board board) {
        int[][] config = new int[2][]; // per id: databits, clock divider, duplex
        LibraryFunction.define(spi, "setup", args -> {
            int id = id(args);
            int databits = checkInt(args, 5);
            if (databits < 1 || databits > 32) {
                throw argError(5, "out of range");
            }
            config[id] = new int[] { databits, Math.max(1, checkInt(args, 6)), LuaArgs.optInt(args, 7, 0) };
            return LuaValue.ONE;
        });
        LibraryFunction.define(spi, "set_clock_div", args -> {
            int[] c = configured(config, args);
            int old = c[1];
            c[1] = Math.max(1, checkInt(args, 2));
            return LuaValue.valueOf(old);
        });
        LibraryFunction.define(spi, "send", args -> {
            int id = id(args);
            int[] c = configured(config, args);
            LuaValue[] results = new LuaValue[args.narg()];
            results[0] = LuaValue.valueOf(args.narg() - 1);
            for (int i = 2; i <= args.narg(); i++) {
                results[i - 1] = send(board, id, c, args.arg(i), i);
            }
            return c[2] == 1 ? LuaValue.varargsOf(results) : results[0];
        });
        LibraryFunction.define(spi, "recv", args -> {
            int id = id(args);
            int[] c = configured(config, args);
            int size = checkInt(args, 2);
            int fill = LuaArgs.optInt(args, 3, 0xff) & 0xff;
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < size; i++) {
                in.append((char) exchange(board, id, c, fill));
            }
            return LuaBytes.string(in.toString());
        });
        SpiDataBuffer[] buffers = { new SpiDataBuffer(), new SpiDataBuffer() };
        LibraryFunction.define(spi, "set_mosi", args -> {
            setMosi(buffers[id(args)], args);
            return LuaValue.NONE;
        });
        LibraryFunction.define(spi, "get_miso", args -> getMiso(buffers[id(args)], args));
        LibraryFunction.define(spi, "transaction", args -> {
            int id = id(args);
            transaction(board, id, configured(config, args), buffers[id], args);
            return LuaValue.NONE;
        });
    }

    /**
     * {@code spi.set_mosi(id, offset, bitlen, data...)}: each number's low {@code bitlen} bits
     * go into the buffer from bit {@code offset} on; {@code spi.set_mosi(id, string)}: the string's
     * bytes from bit 0.
     */
    private static void setMosi(SpiDataBuffer buffer, Varargs args) {
        if (args.narg() == 2 && args.arg(2).type() == LuaValue.TSTRING) {
            String bytes = LuaBytes.chars(args.arg(2).strvalue());
            requireFits(8L * bytes.length());
            for (int i = 0; i < bytes.length(); i++) {
                buffer.put(8 * i, 8, bytes.charAt(i));
            }
            return;
        }
        int offset = inRange(args, 2, 0, SpiDataBuffer.BITS - 1);
        int bitlen = inRange(args, 3, 1, 32);
        requireFits(offset + (long) bitlen * Math.max(0, args.narg() - 3));
        for (int n = 4; n <= args.narg(); n++) {
            if (args.arg(n).type() != LuaValue.TNUMBER) {
                throw argError(n, "wrong arg type");
            }
            buffer.put(offset, bitlen, (long) args.arg(n).todouble());
            offset += bitlen;
        }
    }

    /**
     * {@code spi.get_miso(id, offset, bitlen, num)}: {@code num} numbers of {@code bitlen} bits
     * from bit {@code offset} on; {@code spi.get_miso(id, num)}: {@code num} bytes from bit 0 as a
     * string.
     */
    private static Varargs getMiso(SpiDataBuffer buffer, Varargs args) {
        if (args.narg() == 2) {
            int num = inRange(args, 2, 0, SpiDataBuffer.BITS / 8);
            StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < num; i++) {
                bytes.append((char) buffer.get(8 * i, 8));
            }
            return LuaBytes.string(bytes.toString());
        }
        int offset = inRange(args, 2, 0, SpiDataBuffer.BITS - 1);
        int bitlen = inRange(args, 3, 1, 32);
        int num = inRange(args, 4, 1, SpiDataBuffer.BITS);
        requireFits(offset + (long) bitlen * num);
        LuaValue[] items = new LuaValue[num];
        for (int i = 0; i < num; i++) {
            items[i] = LuaValue.valueOf(buffer.get(offset + i * bitlen, bitlen));
        }
        return LuaValue.varargsOf(items);
    }

    /**
     * {@code spi.transaction(id, cmd_bitlen, cmd_data, addr_bitlen, addr_data, mosi_bitlen,
     * dummy_bitlen, miso_bitlen)}: the command, address, the buffer's first {@code mosi_bitlen}
     * bits, dummy cycles, then {@code miso_bitlen} bits read back into the buffer from bit 0. A
     * negative {@code miso_bitlen} is full duplex: that many bits are read while the MOSI phase is
     * sent (the phase lasting at least as long).
     */
    private static void transaction(Board board, int id, int[] c, SpiDataBuffer buffer, Varargs args) {
        int cmdBits = inRange(args, 2, 0, 16);
        long cmd = (long) LuaArgs.checkNumber(args, 3);
        int addrBits = inRange(args, 4, 0, 32);
        long addr = (long) LuaArgs.checkNumber(args, 5);
        int mosiBits = inRange(args, 6, 0, SpiDataBuffer.BITS);
        int dummyBits = inRange(args, 7, 0, 256);
        int misoBits = inRange(args, 8, -SpiDataBuffer.BITS, SpiDataBuffer.BITS);
        boolean fullDuplex = misoBits < 0;
        int mosiPhase = fullDuplex ? Math.max(mosiBits, -misoBits) : mosiBits;
        int readStart = fullDuplex ? cmdBits + addrBits : cmdBits + addrBits + mosiPhase + dummyBits;
        int readBits = Math.abs(misoBits);
        int total = cmdBits + addrBits + mosiPhase + dummyBits + (fullDuplex ? 0 : misoBits);
        // MOSI idles high in the dummy and MISO phases, and in the padding below
        boolean[] out = new boolean[(total + 7) / 8 * 8];
        java.util.Arrays.fill(out, true);
        int at = 0;
        for (int i = cmdBits - 1; i >= 0; i--) {
            out[at++] = (cmd >>> i & 1) != 0;
        }
        for (int i = addrBits - 1; i >= 0; i--) {
            out[at++] = (addr >>> i & 1) != 0;
        }
        for (int i = 0; i < mosiPhase; i++) {
            out[at++] = buffer.bit(i);
        }
        // the simulated chips take whole bytes: a stream that does not end on a byte boundary is padded
        boolean[] in = new boolean[out.length];
        for (int b = 0; b < out.length / 8; b++) {
            int mosi = 0;
            for (int i = 0; i < 8; i++) {
                mosi = mosi << 1 | (out[8 * b + i] ? 1 : 0);
            }
            int miso = exchange(board, id, c, mosi);
            for (int i = 0; i < 8; i++) {
                in[8 * b + i] = (miso >> (7 - i) & 1) != 0;
            }
        }
        for (int i = 0; i < readBits; i++) {
            buffer.setBit(i, in[readStart + i]);
        }
    }

    /** Argument {@code n} as an integer in {@code min..max}, else the firmware's {@code out of range}. */
    private static int inRange(Varargs args, int n, int min, int max) {
        int v = checkInt(args, n);
        if (v < min || v > max) {
            throw argError(n, "out of range");
        }
        return v;
    }

    private static void requireFits(long endBit) {
        if (endBit > SpiDataBuffer.BITS) {
            throw new LuaError("data range exceeded > 512 bits");
        }
    }

    private static int id(Varargs args) {
        int id = checkInt(args, 1);
        if (id != 0 && id != HSPI) {
            throw new LuaError("spi " + id + " does not exist");
        }
        return id;
    }

    private static int[] configured(int[][] config, Varargs args) {
        int[] c = config[id(args)];
        if (c == null) {
            // before spi.setup the bus runs with the firmware's defaults: 8 bits, half duplex
            return new int[] { 8, 8, 0 };
        }
        return c;
    }

    /** Sends a number, a string or a table of numbers; returns what came back in the same shape. */
    private static LuaValue send(Board board, int id, int[] c, LuaValue item, int n) {
        if (item.type() == LuaValue.TNUMBER) {
            long value = item.tolong();
            long back = 0;
            for (int shift = bytesOf(c[0]) * 8 - 8; shift >= 0; shift -= 8) {
                back = back << 8 | exchange(board, id, c, (int) (value >> shift) & 0xff);
            }
            return LuaValue.valueOf(back);
        }
        if (item.isstring()) {
            String out = LuaBytes.chars(item.strvalue());
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < out.length(); i++) {
                in.append((char) exchange(board, id, c, out.charAt(i)));
            }
            return LuaBytes.string(in.toString());
        }
        if (item.istable()) {
            LuaTable t = item.checktable();
            LuaTable back = new LuaTable();
            for (int i = 1; i <= t.length(); i++) {
                back.set(i, send(board, id, c, t.get(i), n));
            }
            return back;
        }
        throw argError(n, "wrong arg type");
    }

    private static int bytesOf(int databits) {
        return (databits + 7) / 8;
    }

    /** One byte each way; the flash's bus (id 0) has no simulated device. */
    private static int exchange(Board board, int id, int[] c, int mosi) {
        board.busy(Math.max(1, 8L * c[1] / CPU_MHZ));
        return id == HSPI ? board.hardware().spi().transfer(mosi, board.hardware().pins()) : 0xff;
    }
}
