package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkNumber;
import static pearl.emulator.lua.LuaArgs.checkTable;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code rtctime}: wall-clock time in seconds and microseconds since the Unix epoch, kept by the
 * RTC across restarts and deep sleep (not across power loss). The emulator's RTC is the board's
 * virtual clock, which runs on while the board sleeps; the time is an offset from it, kept in RTC
 * memory slots 0-9 as the firmware keeps its state there, so {@code rtcmem.write32} on those slots
 * loses it. Calendar conversions are UTC.
 */
public final class RtctimeModule implements FirmwareModule {

    @Override
    public String name() {
        return "rtctime";
    }

    @Override
    public void define(RomTable rtctime, Board board) {
        Clock clock = new Clock(RtcMemory.of(board));
        LibraryFunction.define(rtctime, "set", args -> {
            if (!args.arg1().isnil()) {
                long sec = (long) checkNumber(args, 1);
                long usec = args.arg(2).isnil() ? 0 : (long) checkNumber(args, 2);
                clock.setOffset(sec * 1_000_000 + usec - board.clockMicros());
            }
            if (!args.arg(3).isnil()) {
                clock.setRate(checkInt(args, 3));
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(rtctime, "get", args -> {
            if (!clock.isSet()) {
                return LuaValue.varargsOf(LuaValue.valueOf(0), LuaValue.valueOf(0), LuaValue.valueOf(0));
            }
            long now = clock.now(board);
            return LuaValue.varargsOf(LuaValue.valueOf((double) (now / 1_000_000)), LuaValue.valueOf((int) (now % 1_000_000)),
                    LuaValue.valueOf(clock.rate()));
        });
        LibraryFunction.define(rtctime, "adjust_delta", args -> {
            long delta = (long) checkNumber(args, 1);
            if (clock.isSet()) {
                clock.setOffset(clock.offset() + delta);
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(rtctime, "dsleep", args -> {
            long us = (long) checkNumber(args, 1);
            board.deepSleep(us);
            return LuaValue.NONE;
        });
        LibraryFunction.define(rtctime, "dsleep_aligned", args -> {
            long aligned = (long) checkNumber(args, 1);
            long min = (long) checkNumber(args, 2);
            if (!clock.isSet()) {
                throw new LuaError("time not available, unable to align");
            }
            if (aligned <= 0) {
                throw argError(1, "wrong arg range");
            }
            long wake = clock.now(board) + Math.max(0, min);
            long sleep = (aligned - wake % aligned) % aligned + Math.max(0, min);
            board.deepSleep(sleep);
            return LuaValue.NONE;
        });
        LibraryFunction.define(rtctime, "epoch2cal", args -> {
            long t = (long) checkNumber(args, 1);
            if (t < 0) {
                throw argError(1, "wrong arg range");
            }
            return calendar(t);
        });
        LibraryFunction.define(rtctime, "cal2epoch", args -> LuaValue.valueOf((double) epoch(args)));
    }

    private static LuaTable calendar(long t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
        LuaTable cal = new LuaTable();
        cal.set("year", d.getYear());
        cal.set("mon", d.getMonthValue());
        cal.set("day", d.getDayOfMonth());
        cal.set("hour", d.getHour());
        cal.set("min", d.getMinute());
        cal.set("sec", d.getSecond());
        cal.set("yday", d.getDayOfYear());
        cal.set("wday", d.getDayOfWeek().getValue() % 7 + 1); // Sunday is 1
        return cal;
    }

    /** {@code cal2epoch{year, mon, day, hour, min, sec}}: fields normalised as {@code mktime} does. */
    private static long epoch(Varargs args) {
        LuaTable cal = checkTable(args, 1);
        LocalDateTime d = LocalDateTime.of(field(cal, "year"), 1, 1, 0, 0)
                .plusMonths(field(cal, "mon") - 1L).plusDays(field(cal, "day") - 1L)
                .plusHours(field(cal, "hour")).plusMinutes(field(cal, "min")).plusSeconds(field(cal, "sec"));
        return d.toEpochSecond(ZoneOffset.UTC);
    }

    private static int field(LuaTable cal, String name) {
        LuaValue v = cal.get(name);
        return v.isnumber() ? v.toint() : 0;
    }

    /** The RTC's time of one board, in its RTC memory: a mark, the offset from the RTC, the rate. */
    private record Clock(int[] slots) {
        /** Marks slots 0-9 as holding a time (a value of Pearl's, not the firmware's). */
        private static final int VALID = 0x52544354;

        boolean isSet() {
            return slots[0] == VALID;
        }

        long offset() {
            return (long) slots[1] << 32 | slots[2] & 0xFFFFFFFFL;
        }

        void setOffset(long micros) {
            if (!isSet()) {
                slots[3] = 0;
            }
            slots[0] = VALID;
            slots[1] = (int) (micros >> 32);
            slots[2] = (int) micros;
        }

        int rate() {
            return slots[3];
        }

        void setRate(int rate) {
            slots[3] = rate;
        }

        long now(Board board) {
            return board.clockMicros() + offset();
        }
    }
}
