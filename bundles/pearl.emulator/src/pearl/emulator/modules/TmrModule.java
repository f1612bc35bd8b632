package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkNumber;

import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.BoardTimer;
import pearl.emulator.FirmwareError;
import pearl.emulator.TimerMode;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.RomTable;

/**
 * {@code tmr}: timer objects from {@code tmr.create()} on the board's scheduler, the 31-bit
 * microsecond counter, uptime, the cycle counter, busy waiting and the watchdogs. A registered
 * timer keeps its callback in the registry, as the firmware does, so a timer nobody references
 * can still fire (and hold what its callback captures).
 */
public final class TmrModule implements FirmwareModule {

    private static final long SOFT_WATCHDOG_CHECK_MS = 1000;

    @Override
    public String name() {
        return "tmr";
    }

    @Override
    public void define(RomTable tmr, Board board) {
        RomTable timerMethods = new RomTable("tmr.timer");
        timerMethods.rawset(LuaValue.INDEX, timerMethods);
        LibraryFunction.define(timerMethods, "register", args -> {
            timer(args).register(board, args, false);
            return LuaValue.NONE;
        });
        LibraryFunction.define(timerMethods, "alarm", args -> LuaValue.valueOf(timer(args).register(board, args, true)));
        LibraryFunction.define(timerMethods, "start", args -> {
            LuaValue restart = args.arg(2);
            if (!restart.isnil() && !restart.isboolean()) {
                throw LuaArgs.typeError(args, 2, "boolean");
            }
            Timer t = timer(args);
            board.syncClock();
            boolean started = t.timer.start(restart.toboolean());
            t.anchor(board);
            return LuaValue.valueOf(started);
        });
        LibraryFunction.define(timerMethods, "stop", args -> LuaValue.valueOf(timer(args).timer.stop()));
        LibraryFunction.define(timerMethods, "unregister", args -> {
            Timer t = timer(args);
            t.timer.unregister();
            t.anchor(board);
            return LuaValue.NONE;
        });
        LibraryFunction.define(timerMethods, "interval", args -> {
            Timer t = timer(args);
            long ms = (long) checkNumber(args, 2);
            try {
                board.syncClock();
                t.timer.interval(ms);
            } catch (FirmwareError e) {
                throw argError(2, e.getMessage());
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(timerMethods, "state", args -> {
            BoardTimer.State state = timer(args).timer.state();
            return state == null ? LuaValue.NIL
                    : LuaValue.varargsOf(LuaValue.valueOf(state.running()), LuaValue.valueOf(state.mode().number()));
        });
        LibraryFunction.define(timerMethods, "__gc", args -> {
            timer(args).timer.unregister();
            return LuaValue.NONE;
        });
        timerMethods.seal();

        LibraryFunction.define(tmr, "create", args -> {
            Timer t = new Timer(board.scheduler().createTimer());
            t.userdata = new LuaUserdata(t, timerMethods);
            return t.userdata;
        });
        LibraryFunction.define(tmr, "now", args -> LuaValue.valueOf(board.uptimeMicros() & 0x7FFFFFFFL));
        LibraryFunction.define(tmr, "time", args -> LuaValue.valueOf(board.uptimeMicros() / 1_000_000));
        LibraryFunction.define(tmr, "ccount", args -> LuaValue.valueOf((int) (board.uptimeMicros() * board.cpuMHz())));
        LibraryFunction.define(tmr, "delay", args -> {
            long us = (long) checkNumber(args, 1);
            if (us <= 0) {
                throw argError(1, "wrong arg range");
            }
            board.busy(us);
            return LuaValue.NONE;
        });
        LibraryFunction.define(tmr, "wdclr", args -> {
            board.scheduler().feedWatchdog();
            return LuaValue.NONE;
        });
        SoftWatchdog soft = new SoftWatchdog(board);
        LibraryFunction.define(tmr, "softwd", args -> {
            soft.arm(checkInt(args, 1));
            return LuaValue.NONE;
        });
    }

    private static Timer timer(Varargs args) {
        LuaValue self = args.arg1();
        if (self instanceof LuaUserdata u && u.m_instance instanceof Timer t) {
            return t;
        }
        throw LuaArgs.typeError(args, 1, "tmr.timer");
    }

    /** One timer object: the board's timer and the Lua callback it runs. */
    private static final class Timer {
        final BoardTimer timer;
        LuaUserdata userdata;

        Timer(BoardTimer timer) {
            this.timer = timer;
        }

        /** {@code t:register(ms, mode, fn)} or {@code t:alarm(...)}; returns whether it started. */
        boolean register(Board board, Varargs args, boolean start) {
            long ms = (long) checkNumber(args, 2);
            if (ms < 1 || ms > BoardTimer.MAX_INTERVAL_MS) {
                throw argError(2, "Range: 1-0x68D7A3");
            }
            TimerMode mode;
            try {
                mode = TimerMode.of(checkInt(args, 3));
            } catch (FirmwareError e) {
                throw argError(3, e.getMessage());
            }
            LuaValue callback = args.arg(4);
            if (!callback.isfunction()) {
                throw argError(4, "Must be function");
            }
            board.syncClock();
            timer.register(ms, mode, t -> board.call(callback, userdata));
            timer.setOrigin(board.callSite());
            board.lua().registry().rawset(userdata, callback);
            boolean started = start && timer.start(true);
            anchor(board);
            return started;
        }

        /** Keeps a registered timer's callback in the registry; drops it once unregistered. */
        void anchor(Board board) {
            if (!timer.isRegistered()) {
                board.lua().registry().rawset(userdata, LuaValue.NIL);
            }
        }
    }

    /** {@code tmr.softwd}: restarts the board unless re-armed within the given seconds. */
    private static final class SoftWatchdog {
        private final Board board;
        private BoardTimer check;
        private long deadlineMicros;

        SoftWatchdog(Board board) {
            this.board = board;
        }

        void arm(int seconds) {
            if (check != null) {
                check.unregister();
                check = null;
            }
            if (seconds < 0) {
                return;
            }
            deadlineMicros = board.uptimeMicros() + seconds * 1_000_000L;
            check = board.scheduler().createTimer();
            check.alarm(SOFT_WATCHDOG_CHECK_MS, TimerMode.AUTO, t -> {
                if (board.uptimeMicros() >= deadlineMicros) {
                    t.unregister();
                    board.restart("soft watchdog (tmr.softwd)");
                }
            });
        }
    }
}
