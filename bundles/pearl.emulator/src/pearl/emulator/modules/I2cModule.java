package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.I2cBus;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code i2c}: the firmware's software master (the default driver's single bus, id 0) driving the
 * board's {@link I2cBus} a condition or byte at a time, each taking its time on the wire at the
 * configured speed (nine clocks a byte).
 */
public final class I2cModule implements FirmwareModule {

    private static final int SLOW = 100_000, FAST = 400_000, FASTPLUS = 1_000_000;

    @Override
    public String name() {
        return "i2c";
    }

    @Override
    public void define(RomTable i2c, Board board) {
        I2cBus bus = board.hardware().i2c();
        int[] speed = { 0 }; // 0 until i2c.setup
        LibraryFunction.define(i2c, "setup", args -> {
            checkId(args);
            int sda = checkInt(args, 2);
            int scl = checkInt(args, 3);
            int hz = checkInt(args, 4);
            checkPin(sda);
            checkPin(scl);
            if (sda == 0) {
                throw new LuaError("i2c SDA on D0 is not supported");
            }
            if (hz <= 0) {
                throw argError(4, "wrong arg range");
            }
            // the bit-banging driver runs at one of its three speeds
            speed[0] = hz >= FASTPLUS ? FASTPLUS : hz >= FAST ? FAST : SLOW;
            return LuaValue.valueOf(speed[0]);
        });
        LibraryFunction.define(i2c, "start", args -> {
            configured(args, speed);
            wire(board, speed, 2);
            bus.start();
            return LuaValue.NONE;
        });
        LibraryFunction.define(i2c, "stop", args -> {
            configured(args, speed);
            wire(board, speed, 2);
            bus.stop();
            return LuaValue.NONE;
        });
        LibraryFunction.define(i2c, "address", args -> {
            configured(args, speed);
            int address = checkInt(args, 2);
            if (address < 0 || address > 127) {
                throw argError(2, "wrong arg range");
            }
            int direction = checkInt(args, 3);
            if (direction != 0 && direction != 1) {
                throw argError(3, "wrong arg range");
            }
            wire(board, speed, 9);
            return LuaValue.valueOf(bus.address(address, direction == 1));
        });
        LibraryFunction.define(i2c, "write", args -> {
            configured(args, speed);
            StringBuilder bytes = new StringBuilder();
            for (int i = 2; i <= args.narg(); i++) {
                collect(args.arg(i), i, bytes);
            }
            int written = 0;
            for (int i = 0; i < bytes.length(); i++) {
                wire(board, speed, 9);
                if (!bus.write(bytes.charAt(i))) {
                    break; // a byte nobody acknowledged ends the write
                }
                written++;
            }
            return LuaValue.valueOf(written);
        });
        LibraryFunction.define(i2c, "read", args -> {
            configured(args, speed);
            int length = checkInt(args, 2);
            StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < length; i++) {
                wire(board, speed, 9);
                bytes.append((char) bus.read());
            }
            return LuaBytes.string(bytes.toString());
        });
    }

    private static void checkId(Varargs args) {
        int id = checkInt(args, 1);
        if (id != 0) {
            throw new LuaError("i2c " + id + " does not exist");
        }
    }

    private static void checkPin(int pin) {
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw new LuaError("gpio " + pin + " does not exist");
        }
    }

    private static void configured(Varargs args, int[] speed) {
        checkId(args);
        if (speed[0] == 0) {
            throw new LuaError("i2c 0 is not configured");
        }
    }

    /** Bytes of a number, string or table argument to {@code i2c.write}. */
    private static void collect(LuaValue v, int n, StringBuilder bytes) {
        if (v.type() == LuaValue.TNUMBER) {
            int b = v.toint();
            if (b < 0 || b > 255) {
                throw argError(n, "wrong arg range");
            }
            bytes.append((char) b);
        } else if (v.isstring()) {
            bytes.append(LuaBytes.chars(v.strvalue()));
        } else if (v.istable()) {
            LuaTable t = v.checktable();
            for (int i = 1; i <= t.length(); i++) {
                LuaValue item = t.get(i);
                if (!item.isnumber()) {
                    throw argError(n, "wrong arg type");
                }
                collect(item.tonumber(), n, bytes);
            }
        } else {
            throw argError(n, "wrong arg type");
        }
    }

    /** The time {@code clocks} SCL periods take at the bus speed. */
    private static void wire(Board board, int[] speed, int clocks) {
        board.busy(Math.max(1, clocks * 1_000_000L / speed[0]));
    }
}
