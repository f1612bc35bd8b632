package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkNumber;

import java.util.Arrays;
import java.util.function.Consumer;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.Priority;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PulseTrain;
import pearl.emulator.heap.HeapSized;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.RomTable;

/**
 * {@code gpio.pulse}, the optional sub-module of {@code gpio}: {@code gpio.pulse.build(steps)}
 * makes a pulser from an array of steps {@code {[pin] = level, ..., delay = us[, min = us, max =
 * us][, loop = step, count = n]}}, which {@code :start([adjust,] callback)} runs on the pins in
 * virtual time ({@link PulseTrain}); the callback runs as a task when it ends. Only one pulser runs
 * at a time: the firmware drives them all from the one hardware timer. {@code :getstate()},
 * {@code :cancel()} and {@code :adjust(us)} return {@code position, steps, offset, now}
 * ({@code position} nil when not running, {@code now} on the {@code tmr.now()} clock).
 */
final class GpioPulse {

    /** The firmware's pulser struct per program (timer state, callback reference). */
    private static final int PULSER_BYTES = 24;
    /** Bytes per step: delay, min, max, count, loop and the masks of the pins it sets and clears. */
    private static final int STEP_BYTES = 28;

    private final Board board;
    /** The pulser that holds the hardware timer now, if any. */
    private Pulser active;

    private GpioPulse(Board board) {
        this.board = board;
    }

    /** Defines {@code gpio.pulse} in {@code gpio} for this boot of {@code board}. */
    static void define(RomTable gpio, Board board) {
        GpioPulse module = new GpioPulse(board);
        RomTable methods = new RomTable("gpio.pulse");
        methods.rawset(LuaValue.INDEX, methods);
        LibraryFunction.define(methods, "start", module::start);
        LibraryFunction.define(methods, "getstate", args -> module.values(pulser(args).train.state()));
        LibraryFunction.define(methods, "stop", module::stop);
        LibraryFunction.define(methods, "cancel", args -> {
            Pulser p = pulser(args);
            PulseTrain.State before = p.train.cancel();
            module.ended(p);
            return module.values(before);
        });
        LibraryFunction.define(methods, "adjust", args -> module.values(pulser(args).train.adjust((long) checkNumber(args, 2))));
        LibraryFunction.define(methods, "update", args -> {
            Pulser p = pulser(args);
            int entry = checkInt(args, 2);
            if (entry < 1 || entry > p.train.length()) {
                throw argError(2, "entry number out of range");
            }
            p.train.update(entry, step(LuaArgs.checkTable(args, 3), 3, p.train.length()));
            return LuaValue.NONE;
        });
        methods.seal();

        RomTable pulse = new RomTable("gpio.pulse");
        LibraryFunction.define(pulse, "build", args -> {
            LuaTable table = LuaArgs.checkTable(args, 1);
            int n = table.length();
            if (n == 0) {
                throw argError(1, "no steps");
            }
            PulseTrain.Step[] steps = new PulseTrain.Step[n];
            for (int i = 1; i <= n; i++) {
                if (!table.get(i).istable()) {
                    throw argError(1, "step " + i + " is not a table");
                }
                steps[i - 1] = step(table.get(i).checktable(), 1, n);
            }
            Pulser p = new Pulser(new PulseTrain(steps, board.scheduler(), () -> {
                board.syncClock();
                return board.clockMicros();
            }, board.hardware().pins()));
            p.userdata = new LuaUserdata(p, methods);
            return p.userdata;
        });
        gpio.rawset("pulse", pulse.seal());
    }

    /** {@code p:start([adjust,] callback)}. */
    private Varargs start(Varargs args) {
        Pulser p = pulser(args);
        int n = 2;
        long adjust = 0;
        if (args.arg(n).isnumber()) {
            adjust = (long) args.arg(n++).checkdouble();
        }
        LuaValue callback = args.arg(n);
        if (!callback.isnil() && !callback.isfunction()) {
            throw LuaArgs.typeError(args, n, "function");
        }
        if (active != null && active.train.isRunning()) {
            throw new LuaError("pulser already active");
        }
        active = p;
        p.callback = callback;
        anchor(p);
        p.train.start(adjust, finished(p));
        return LuaValue.NONE;
    }

    /** {@code p:stop([position,] callback)} → whether a stop was set up. */
    private Varargs stop(Varargs args) {
        Pulser p = pulser(args);
        int n = 2;
        int position = 0;
        if (args.arg(n).isnumber()) {
            position = checkInt(args, n++);
            if (position < 1 || position > p.train.length()) {
                throw argError(n - 1, "position out of range");
            }
        }
        LuaValue callback = args.arg(n);
        if (!callback.isnil() && !callback.isfunction()) {
            throw LuaArgs.typeError(args, n, "function");
        }
        if (!p.train.isRunning()) {
            return LuaValue.FALSE;
        }
        p.callback = callback;
        return LuaValue.valueOf(p.train.stop(position, finished(p)));
    }

    /** What runs when {@code p}'s train ends: its callback, as a task, with the end state. */
    private Consumer<PulseTrain.State> finished(Pulser p) {
        return state -> {
            LuaValue callback = p.callback;
            ended(p);
            if (callback.isfunction()) {
                board.post(Priority.HIGH, "gpio.pulse", callback, values(state));
            }
        };
    }

    private void ended(Pulser p) {
        if (active == p) {
            active = null;
        }
        p.callback = LuaValue.NIL;
        board.lua().registry().rawset(p.userdata, LuaValue.NIL);
    }

    /** While it runs, the firmware keeps the pulser and its callback referenced, so they are not collected. */
    private void anchor(Pulser p) {
        board.lua().registry().rawset(p.userdata, LuaValue.TRUE);
    }

    /** {@code position, steps, offset, now} as Lua values; {@code now} on the {@code tmr.now()} clock. */
    private Varargs values(PulseTrain.State s) {
        long bootMicros = board.clockMicros() - board.uptimeMicros();
        return LuaValue.varargsOf(new LuaValue[] { s.position() > 0 ? LuaValue.valueOf(s.position()) : LuaValue.NIL,
                LuaValue.valueOf(s.steps()), LuaValue.valueOf(s.offset()), LuaValue.valueOf((s.now() - bootMicros) & 0x7FFFFFFFL) });
    }

    /** One step from its table; problems are reported against argument {@code arg}. */
    private static PulseTrain.Step step(LuaTable t, int arg, int steps) {
        int[] levels = new int[GpioPins.COUNT];
        Arrays.fill(levels, -1);
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            if (k.type() != LuaValue.TNUMBER) {
                continue; // the named fields are read below; other names mean nothing to the firmware
            }
            int pin = k.toint();
            if (pin < 0 || pin >= GpioPins.COUNT) {
                throw new LuaError("gpio " + pin + " does not exist");
            }
            int level = t.get(k).toint();
            if (level != 0 && level != 1) {
                throw argError(arg, "wrong level type");
            }
            levels[pin] = level;
        }
        long delay = field(t, "delay", 0, arg);
        long min = field(t, "min", delay, arg);
        long max = field(t, "max", delay, arg);
        if (min > delay || delay > max) {
            throw argError(arg, "min > delay or delay > max");
        }
        long count = field(t, "count", 0, arg);
        long loop = field(t, "loop", 0, arg);
        if (loop < 0 || loop > steps) {
            throw argError(arg, "loop out of range");
        }
        return new PulseTrain.Step(levels, delay, min, max, count, (int) loop);
    }

    private static long field(LuaTable t, String name, long fallback, int arg) {
        LuaValue v = t.get(name);
        if (v.isnil()) {
            return fallback;
        }
        if (!v.isnumber()) {
            throw argError(arg, name + " must be a number");
        }
        long n = (long) v.todouble();
        if (n < 0 || n > ("count".equals(name) ? 0xFFFFFFFFL : PulseTrain.MAX_DELAY_MICROS)) {
            throw argError(arg, name + " out of range");
        }
        return n;
    }

    private static Pulser pulser(Varargs args) {
        if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof Pulser p) {
            return p;
        }
        throw LuaArgs.typeError(args, 1, "gpio.pulse");
    }

    /** One {@code gpio.pulse} object: its program and the callback of its start or stop. */
    private static final class Pulser implements HeapSized {
        final PulseTrain train;
        LuaUserdata userdata;
        LuaValue callback = LuaValue.NIL;

        Pulser(PulseTrain train) {
            this.train = train;
        }

        @Override
        public int heapBytes() {
            return PULSER_BYTES + STEP_BYTES * train.length();
        }

        @Override
        public void references(Consumer<LuaValue> mark) {
            mark.accept(callback);
        }
    }
}
