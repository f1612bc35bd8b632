package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code rtctime}: virtual time that runs on through restarts and deep sleep, and UTC calendars. */
class RtctimeModuleTest {

    @Test
    void theTimeIsZeroUntilSetThenAdvancesWithTheBoardsClock() {
        assertEquals(List.of(
                "0\t0\t0",
                "1436430590\t5\t7"),
                LuaScripts.run(3000,
                        "print(rtctime.get())",
                        "rtctime.set(1436430589, 0, 7)",
                        "tmr.create():alarm(1500, tmr.ALARM_SINGLE, function()",
                        "  local s, us, rate = rtctime.get() print(s, math.floor(us / 100000), rate)",
                        "end)"));
    }

    @Test
    void theTimeLivesInRtcMemorySlotsZeroToNine() {
        assertEquals(List.of(
                "5000\t0\t3",
                "6000\t3",
                "0\t0\t0"),
                LuaScripts.run(
                        "rtctime.set(5000, 0, 3) local s, us, rate = rtctime.get() print(s, math.floor(us / 1000), rate)",
                        "rtctime.adjust_delta(1000000000) s, us, rate = rtctime.get() print(s, rate)",
                        "rtcmem.write32(0, 0) print(rtctime.get())"));
    }

    @Test
    void epoch2calGivesUtcFieldsWithSundayAsDayOne() {
        assertEquals(List.of(
                "2015\t7\t9\t8\t29\t49\t190\t5",
                "1970\t1\t1\t0\t0\t0\t1\t5",
                "2000\t2\t29\t60\t3",
                "1436430589\t951782400",
                "init.lua:8: bad argument #1 to 'epoch2cal' (wrong arg range)"),
                LuaScripts.run(
                        "local function show(c, ...) print(c.year, c.mon, c.day, ...) end",
                        "local c = rtctime.epoch2cal(1436430589) show(c, c.hour, c.min, c.sec, c.yday, c.wday)",
                        "c = rtctime.epoch2cal(0) show(c, c.hour, c.min, c.sec, c.yday, c.wday)",
                        "c = rtctime.epoch2cal(951782400) show(c, c.yday, c.wday)",
                        "print(rtctime.cal2epoch(rtctime.epoch2cal(1436430589)), rtctime.cal2epoch({year = 2000, mon = 2, day = 29, hour = 0, min = 0, sec = 0}))",
                        "",
                        "print(select(2, pcall(function() return rtctime.epoch2cal(-1) end)))"));
    }

    @Test
    void theTimeSurvivesDeepSleepAndKeepsCountingThroughIt() {
        TestBoards b = new TestBoards(String.join("\n",
                "local s = rtctime.get()",
                "if s == 0 then",
                "  print(pcall(rtctime.dsleep_aligned, 1000000, 0))",
                "  rtctime.set(1000)",
                "  rtctime.dsleep(5000000)",
                "else",
                "  print('awake', s - 1000 >= 5 and s - 1000 < 7)",
                "end", ""));
        String out = b.run(10_000);
        assertTrue(out.contains("false\ttime not available, unable to align\n"), out);
        assertTrue(out.contains("awake\ttrue\n"), out);
        assertEquals(1, b.reboots.size(), b.reboots.toString());
    }
}
