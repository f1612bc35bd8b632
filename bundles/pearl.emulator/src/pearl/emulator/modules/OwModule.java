package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;

import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.devices.DallasCrc;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.OneWireBus;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code ow}: the 1-Wire master on pins 1..12, bit-banging the board's {@link OneWireBus} on the
 * pin with the standard slot timings (a reset takes 960 µs, a bit 70 µs), the ROM search of
 * Maxim's application note 187, and the Dallas CRC-8 and CRC-16.
 */
public final class OwModule implements FirmwareModule {

    private static final long RESET_MICROS = 960;
    private static final long SLOT_MICROS = 70;
    private static final int MAX_READ = 256;

    @Override
    public String name() {
        return "ow";
    }

    @Override
    public void define(RomTable ow, Board board) {
        RomSearch[] searches = new RomSearch[GpioPins.COUNT];
        LibraryFunction.define(ow, "setup", args -> {
            if (checkInt(args, 1) == 0) {
                throw new LuaError("no 1-wire for D0");
            }
            searches[pin(args)] = new RomSearch();
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "reset", args -> {
            OneWireBus bus = bus(board, args);
            board.busy(RESET_MICROS);
            return LuaValue.valueOf(bus.reset() ? 1 : 0);
        });
        LibraryFunction.define(ow, "skip", args -> {
            writeByte(board, bus(board, args), 0xCC);
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "select", args -> {
            OneWireBus bus = bus(board, args);
            String rom = LuaBytes.chars(checkString(args, 2));
            if (rom.length() != 8) {
                throw argError(2, "wrong arg range");
            }
            writeByte(board, bus, 0x55);
            rom.chars().forEach(b -> writeByte(board, bus, b));
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "write", args -> {
            OneWireBus bus = bus(board, args);
            int value = checkInt(args, 2);
            if (value < 0 || value > 255) {
                throw argError(2, "wrong arg range");
            }
            writeByte(board, bus, value);
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "write_bytes", args -> {
            OneWireBus bus = bus(board, args);
            LuaBytes.chars(checkString(args, 2)).chars().forEach(b -> writeByte(board, bus, b));
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "read", args -> {
            OneWireBus bus = bus(board, args);
            board.busy(8 * SLOT_MICROS);
            return LuaValue.valueOf(bus.readByte());
        });
        LibraryFunction.define(ow, "read_bytes", args -> {
            OneWireBus bus = bus(board, args);
            int size = checkInt(args, 2);
            if (size > MAX_READ) {
                throw new LuaError("Attempt to read too many characters");
            }
            StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < size; i++) {
                board.busy(8 * SLOT_MICROS);
                bytes.append((char) bus.readByte());
            }
            return LuaBytes.string(bytes.toString());
        });
        LibraryFunction.define(ow, "depower", args -> {
            bus(board, args);
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "reset_search", args -> {
            searches[pin(args)] = new RomSearch();
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "target_search", args -> {
            int pin = pin(args);
            searches[pin] = new RomSearch();
            searches[pin].target(checkInt(args, 2));
            return LuaValue.NONE;
        });
        LibraryFunction.define(ow, "search", args -> {
            OneWireBus bus = bus(board, args);
            int pin = pin(args);
            if (searches[pin] == null) {
                searches[pin] = new RomSearch();
            }
            boolean alarm = LuaArgs.optInt(args, 2, 0) != 0;
            board.busy(RESET_MICROS + 8 * SLOT_MICROS + 64 * 3 * SLOT_MICROS);
            byte[] rom = searches[pin].next(bus, alarm);
            return rom == null ? LuaValue.NIL : LuaValue.valueOf(rom);
        });
        LibraryFunction.define(ow, "crc8", args -> {
            byte[] data = bytes(args);
            return LuaValue.valueOf(DallasCrc.crc8(data, 0, data.length));
        });
        LibraryFunction.define(ow, "crc16", args -> {
            byte[] data = bytes(args);
            return LuaValue.valueOf(DallasCrc.crc16(data, LuaArgs.optInt(args, 2, 0)));
        });
        LibraryFunction.define(ow, "check_crc16", args -> {
            byte[] data = bytes(args);
            // the device sends the CRC inverted, low byte first
            int crc = ~DallasCrc.crc16(data, LuaArgs.optInt(args, 4, 0)) & 0xFFFF;
            boolean ok = (crc & 0xff) == (checkInt(args, 2) & 0xff) && (crc >> 8) == (checkInt(args, 3) & 0xff);
            return LuaValue.valueOf(ok);
        });
        LibraryFunction.define(ow, "set_timings", args -> LuaValue.NONE);
    }

    private static byte[] bytes(Varargs args) {
        return LuaBytes.chars(checkString(args, 1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int pin(Varargs args) {
        int pin = checkInt(args, 1);
        if (pin < 1 || pin >= GpioPins.COUNT) {
            throw new LuaError("ow " + pin + " does not exist");
        }
        return pin;
    }

    private static OneWireBus bus(Board board, Varargs args) {
        return board.hardware().oneWire(pin(args));
    }

    private static void writeByte(Board board, OneWireBus bus, int value) {
        board.busy(8 * SLOT_MICROS);
        bus.writeByte(value);
    }

    /**
     * One pass of the ROM search (Maxim AN187): each pass follows the branch the last one left
     * open at its last discrepancy, reading each ROM bit and its complement from the bus.
     */
    private static final class RomSearch {
        private final byte[] rom = new byte[8];
        private int lastDiscrepancy;
        private boolean lastDevice;

        void target(int family) {
            rom[0] = (byte) family;
            lastDiscrepancy = 64;
        }

        byte[] next(OneWireBus bus, boolean alarm) {
            if (lastDevice || !bus.reset()) {
                reset();
                return null;
            }
            bus.writeByte(alarm ? 0xEC : 0xF0);
            int discrepancy = 0;
            for (int bit = 1; bit <= 64; bit++) {
                int id = bus.readBit();
                int complement = bus.readBit();
                if (id == 1 && complement == 1) {
                    reset();
                    return null; // nobody answered
                }
                int direction;
                if (id != complement) {
                    direction = id;
                } else {
                    direction = bit < lastDiscrepancy ? romBit(bit) : bit == lastDiscrepancy ? 1 : 0;
                    if (direction == 0) {
                        discrepancy = bit;
                    }
                }
                setRomBit(bit, direction);
                bus.writeBit(direction);
            }
            lastDiscrepancy = discrepancy;
            lastDevice = discrepancy == 0;
            if (rom[0] == 0) {
                reset();
                return null;
            }
            return rom.clone();
        }

        private void reset() {
            lastDiscrepancy = 0;
            lastDevice = false;
        }

        private int romBit(int n) {
            return (rom[(n - 1) / 8] >> ((n - 1) % 8)) & 1;
        }

        private void setRomBit(int n, int value) {
            int i = (n - 1) / 8;
            int mask = 1 << ((n - 1) % 8);
            rom[i] = (byte) (value != 0 ? rom[i] | mask : rom[i] & ~mask);
        }
    }
}
