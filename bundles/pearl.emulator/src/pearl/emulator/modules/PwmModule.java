package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PwmState;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code pwm}: software PWM on up to six of the pins 1..12, all at one frequency (1..1000 Hz),
 * each with its duty 0..1023; the set-up is kept on the board's {@link GpioPins}, where views read it.
 */
public final class PwmModule implements FirmwareModule {

    private static final int MAX_CHANNELS = 6;
    private static final int MAX_FREQUENCY = 1000;
    private static final int MAX_DUTY = 1023;

    @Override
    public String name() {
        return "pwm";
    }

    @Override
    public void define(RomTable pwm, Board board) {
        LibraryFunction.define(pwm, "setup", args -> {
            int pin = pin(args);
            int clock = checkClock(args);
            int duty = checkDuty(args, 3);
            GpioPins pins = pins(board);
            if (pins.pwm(pin) == null && channels(pins) >= MAX_CHANNELS) {
                throw new LuaError("too many pwms.");
            }
            pins.setPwm(pin, new PwmState(clock, duty, false));
            shareClock(pins, clock);
            return LuaValue.valueOf(clock);
        });
        LibraryFunction.define(pwm, "start", args -> {
            int pin = pin(args);
            PwmState s = pins(board).pwm(pin);
            if (s == null) {
                throw new LuaError("Unable to start PWM output");
            }
            pins(board).setPwm(pin, new PwmState(s.clockHz(), s.duty(), true));
            return LuaValue.NONE;
        });
        LibraryFunction.define(pwm, "stop", args -> {
            int pin = pin(args);
            PwmState s = pins(board).pwm(pin);
            if (s != null) {
                pins(board).setPwm(pin, new PwmState(s.clockHz(), s.duty(), false));
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(pwm, "close", args -> {
            pins(board).setPwm(pin(args), null);
            return LuaValue.NONE;
        });
        LibraryFunction.define(pwm, "setclock", args -> {
            int pin = pin(args);
            int clock = checkClock(args);
            if (pins(board).pwm(pin) != null) {
                shareClock(pins(board), clock);
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(pwm, "getclock", args -> {
            PwmState s = pins(board).pwm(pin(args));
            return LuaValue.valueOf(s == null ? 0 : s.clockHz());
        });
        LibraryFunction.define(pwm, "setduty", args -> {
            int pin = pin(args);
            int duty = checkDuty(args, 2);
            PwmState s = pins(board).pwm(pin);
            if (s != null) {
                pins(board).setPwm(pin, new PwmState(s.clockHz(), duty, s.running()));
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(pwm, "getduty", args -> {
            PwmState s = pins(board).pwm(pin(args));
            return LuaValue.valueOf(s == null ? 0 : s.duty());
        });
    }

    private static GpioPins pins(Board board) {
        return board.hardware().pins();
    }

    private static int pin(Varargs args) {
        int pin = checkInt(args, 1);
        if (pin == 0) {
            throw new LuaError("no pwm for D0");
        }
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw new LuaError("pwm " + pin + " does not exist");
        }
        return pin;
    }

    private static int checkClock(Varargs args) {
        int clock = checkInt(args, 2);
        if (clock <= 0 || clock > MAX_FREQUENCY) {
            throw argError(2, "wrong arg range");
        }
        return clock;
    }

    private static int checkDuty(Varargs args, int n) {
        int duty = checkInt(args, n);
        if (duty < 0 || duty > MAX_DUTY) {
            throw argError(n, "wrong arg range");
        }
        return duty;
    }

    private static int channels(GpioPins pins) {
        int n = 0;
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            n += pins.pwm(pin) == null ? 0 : 1;
        }
        return n;
    }

    /** The PWM frequency is one for all pins: a new one applies to each. */
    private static void shareClock(GpioPins pins, int clock) {
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            PwmState s = pins.pwm(pin);
            if (s != null) {
                pins.setPwm(pin, new PwmState(clock, s.duty(), s.running()));
            }
        }
    }
}
