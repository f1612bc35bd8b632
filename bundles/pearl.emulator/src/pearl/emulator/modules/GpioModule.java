package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.Priority;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PinMode;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.RomTable;

/**
 * {@code gpio}: pin modes, reading and writing levels on the board's {@link GpioPins},
 * {@code gpio.trig} interrupts from outside edges (the ISR posts the callback as a task; edges
 * arriving while it waits are merged into its event count), {@code gpio.serout}, and the
 * {@code gpio.pulse} sub-module ({@link GpioPulse}).
 */
public final class GpioModule implements FirmwareModule {

    private static final String[] TRIGGERS = { "none", "up", "down", "both", "low", "high" };
    private static final int NONE = 0, UP = 1, DOWN = 2, BOTH = 3, LOW = 4, HIGH = 5;

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public void define(RomTable gpio, Board board) {
        Interrupts interrupts = new Interrupts(board);
        board.hardware().pins().setEdgeListener(interrupts::edge);
        LibraryFunction.define(gpio, "mode", args -> {
            int pin = checkInt(args, 1);
            PinMode mode = PinMode.of(checkInt(args, 2));
            if (pin < 0 || pin >= GpioPins.COUNT || mode == PinMode.INT && pin == 0) {
                throw argError(1, "Invalid pin");
            }
            if (mode == null) {
                throw argError(2, "wrong arg type");
            }
            boolean pullUp = LuaArgs.optInt(args, 3, 0) != 0;
            if (mode != PinMode.INT) {
                interrupts.drop(pin);
            }
            pins(board).setMode(pin, mode, pullUp);
            return LuaValue.NONE;
        });
        LibraryFunction.define(gpio, "read", args -> LuaValue.valueOf(pins(board).level(existingPin(args))));
        LibraryFunction.define(gpio, "write", args -> {
            int pin = existingPin(args);
            int level = checkInt(args, 2);
            if (level != 0 && level != 1) {
                throw argError(2, "wrong level type");
            }
            pins(board).write(pin, level);
            return LuaValue.NONE;
        });
        LibraryFunction.define(gpio, "trig", args -> {
            int pin = checkInt(args, 1);
            if (pin < 1 || pin >= GpioPins.COUNT) {
                throw argError(1, "Invalid interrupt pin");
            }
            int type = LuaArgs.checkOption(args, 2, "none", TRIGGERS);
            LuaValue fn = args.arg(3);
            if (!fn.isnil() && !fn.isfunction()) {
                throw argError(3, "invalid callback type");
            }
            interrupts.set(pin, type, fn);
            return LuaValue.NONE;
        });
        LibraryFunction.define(gpio, "serout", args -> {
            serout(board, args);
            return LuaValue.NONE;
        });
        GpioPulse.define(gpio, board);
    }

    private static GpioPins pins(Board board) {
        return board.hardware().pins();
    }

    /** Argument 1 as a pin that exists, else the firmware's {@code gpio <n> does not exist}. */
    private static int existingPin(Varargs args) {
        int pin = checkInt(args, 1);
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw new LuaError("gpio " + pin + " does not exist");
        }
        return pin;
    }

    /**
     * {@code gpio.serout(pin, start_level, delays[, cycles[, callback]])}: the pin starts at
     * {@code start_level} and toggles after each delay (µs), {@code cycles} times over; blocking,
     * or with a fifth argument in the background, then calling the callback if it is a function.
     */
    private static void serout(Board board, Varargs args) {
        int pin = checkInt(args, 1);
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw argError(1, "Invalid pin");
        }
        int level = checkInt(args, 2);
        if (level != 0 && level != 1) {
            throw argError(2, "Wrong level type");
        }
        LuaTable table = LuaArgs.checkTable(args, 3);
        int count = table.length();
        if (count == 0 || count >= 256) {
            throw argError(3, "Invalid delay_times");
        }
        long[] delays = new long[count];
        for (int i = 0; i < count; i++) {
            delays[i] = Math.max(0, table.get(i + 1).tolong());
        }
        int cycles = Math.max(1, LuaArgs.optInt(args, 4, 1));
        GpioPins pins = pins(board);
        pins.write(pin, level);
        if (args.narg() < 5) {
            for (int c = 0; c < cycles; c++) {
                for (long delay : delays) {
                    board.busy(delay);
                    pins.write(pin, pins.latch(pin) ^ 1);
                }
            }
            return;
        }
        LuaValue callback = args.arg(5);
        board.syncClock();
        long at = board.clockMicros();
        for (int c = 0; c < cycles; c++) {
            for (long delay : delays) {
                at += delay;
                board.scheduler().at(at, () -> pins.write(pin, pins.latch(pin) ^ 1));
            }
        }
        if (callback.isfunction()) {
            board.scheduler().at(at, () -> board.post(Priority.HIGH, "gpio.serout", callback, LuaValue.NONE));
        }
    }

    /** The {@code gpio.trig} set-up of each pin, and the callback task each has waiting. */
    private static final class Interrupts {
        private final Board board;
        private final int[] types = new int[GpioPins.COUNT];
        private final LuaValue[] callbacks = new LuaValue[GpioPins.COUNT];
        private final int[] pendingCount = new int[GpioPins.COUNT];
        private final int[] pendingLevel = new int[GpioPins.COUNT];
        private final long[] pendingWhen = new long[GpioPins.COUNT];

        Interrupts(Board board) {
            this.board = board;
        }

        void set(int pin, int type, LuaValue fn) {
            types[pin] = type;
            if (fn.isfunction()) {
                callbacks[pin] = fn;
                board.lua().registry().rawset(key(pin), fn);
            }
            if (type == NONE) {
                drop(pin);
            } else if (type == LOW || type == HIGH) {
                retrigger(pin);
            }
        }

        /** Leaving INT mode or {@code "none"}: the callback goes (and the registry lets it go). */
        void drop(int pin) {
            types[pin] = NONE;
            callbacks[pin] = null;
            board.lua().registry().rawset(key(pin), LuaValue.NIL);
        }

        private static LuaValue key(int pin) {
            return LuaValue.valueOf("gpio.trig." + pin);
        }

        /** An outside edge on {@code pin}: the interrupt fires if its type matches. */
        void edge(int pin, int level, long micros) {
            int type = types[pin];
            boolean fires = switch (type) {
            case UP -> level == 1;
            case DOWN -> level == 0;
            case BOTH -> true;
            case LOW -> level == 0;
            case HIGH -> level == 1;
            default -> false;
            };
            if (fires && callbacks[pin] != null && board.hardware().pins().mode(pin) == PinMode.INT) {
                interrupt(pin, level, micros);
            }
        }

        private void interrupt(int pin, int level, long micros) {
            pendingLevel[pin] = level;
            pendingWhen[pin] = micros;
            if (pendingCount[pin]++ > 0) {
                return; // a callback is already queued: this interrupt is merged into it
            }
            board.post(Priority.HIGH, "gpio.trig", () -> deliver(pin));
        }

        private void deliver(int pin) {
            int count = pendingCount[pin];
            pendingCount[pin] = 0;
            LuaValue fn = callbacks[pin];
            if (fn == null) {
                return;
            }
            long bootMicros = board.clockMicros() - board.uptimeMicros();
            long when = (pendingWhen[pin] - bootMicros) & 0x7FFFFFFFL;
            fn.invoke(LuaValue.varargsOf(LuaValue.valueOf(pendingLevel[pin]), LuaValue.valueOf(when),
                    LuaValue.valueOf(count)));
            retrigger(pin);
        }

        /** A level-triggered interrupt fires again, once re-armed, while the level holds. */
        private void retrigger(int pin) {
            int type = types[pin];
            if (type != LOW && type != HIGH || board.hardware().pins().mode(pin) != PinMode.INT) {
                return;
            }
            int level = board.hardware().pins().level(pin);
            if (level == (type == HIGH ? 1 : 0) && callbacks[pin] != null && pendingCount[pin] == 0) {
                board.syncClock();
                interrupt(pin, level, board.clockMicros());
            }
        }
    }
}
