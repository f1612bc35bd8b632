package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.hardware.SpiBus;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code spi}: the master on id 1 (HSPI), exchanging bytes with the board's {@link SpiBus}
 * (numbers of {@code databits} bits go out MSB first); id 0 is the flash's bus, where no
 * simulated device sits. In full duplex {@code spi.send} also returns what came back.
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
