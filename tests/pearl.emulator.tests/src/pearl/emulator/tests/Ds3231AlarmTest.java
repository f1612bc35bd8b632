package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import pearl.emulator.devices.Ds3231;

/** The DS3231's alarms after its datasheet: flags, masks, and INT/SQW wired to a GPIO interrupt. */
class Ds3231AlarmTest {

    /** Lua helpers to read and write the chip's registers over the i2c module. */
    private static final String REGISTERS = """
            i2c.setup(0, 2, 1, i2c.FAST)
            function put(reg, ...)
              i2c.start(0); i2c.address(0, 0x68, i2c.TRANSMITTER); i2c.write(0, reg, ...); i2c.stop(0)
            end
            function get(reg)
              i2c.start(0); i2c.address(0, 0x68, i2c.TRANSMITTER); i2c.write(0, reg)
              i2c.start(0); i2c.address(0, 0x68, i2c.RECEIVER); local v = i2c.read(0, 1):byte(); i2c.stop(0)
              return v
            end
            """;

    @Test
    void alarm1PullsIntLowAtTheMatchingSecondAndGpioTrigFires() {
        TestBoards b = new TestBoards(REGISTERS + """
                put(0x07, 0x10, 0x00, 0x12, 0x80)   -- 12:00:10, any date (A1M4)
                put(0x0F, 0x00)                      -- clear OSF and the flags
                put(0x0E, 0x05)                      -- INTCN, A1IE
                gpio.mode(5, gpio.INT)
                print('idle', gpio.read(5))
                gpio.trig(5, 'down', function(level, when)
                  print('alarm', level, when, get(0x0F) % 4)
                  put(0x0F, 0x00)                    -- clearing A1F releases INT
                  print('cleared', gpio.read(5), get(0x0F) % 4)
                end)
                """, """
                {"i2c": [{"device": "ds3231", "time": "2024-05-01T12:00:00", "int": 5}]}
                """);
        String out = b.printed(12_000);
        assertTrue(out.contains("idle\t1\n"), "the module's pull-up holds the released line high: " + out);
        assertTrue(out.contains("alarm\t0\t10000000\t1\n"), "10 s after power-on at 12:00:00: " + out);
        assertTrue(out.contains("cleared\t1\t0\n"), out);
        out = b.printed(70_000);
        assertEquals(1, out.split("alarm\t", -1).length - 1, "once: the seconds match once a minute only with the minutes, not set: " + out);
    }

    @Test
    void alarm2OncePerMinuteSetsItsFlagButOnlyAssertsIntWhenEnabled() {
        TestBoards b = new TestBoards(REGISTERS + """
                put(0x0B, 0x80, 0x80, 0x80)          -- alarm 2, all masked: every minute at :00
                put(0x0F, 0xFF)                      -- writing 1s sets no flag
                print('status', get(0x0F))
                put(0x0E, 0x06)                      -- INTCN, A2IE only
                gpio.mode(3, gpio.INT)
                gpio.trig(3, 'both', function(level, when) print('int', level, when) end)
                tmr.create():alarm(70000, tmr.ALARM_SINGLE, function()
                  print('flags', get(0x0F) % 4, gpio.read(3))
                  put(0x0E, 0x04)                    -- A2IE off: INT released though A2F stays
                  print('disabled', get(0x0F) % 4, gpio.read(3))
                end)
                """, """
                {"i2c": [{"device": "ds3231", "time": "2024-05-01T12:00:30", "int": 3}]}
                """);
        String out = b.printed(71_000);
        assertTrue(out.contains("status\t136\n"), "OSF and EN32kHz as at power-on, no flag: " + out);
        assertTrue(out.contains("int\t0\t30000000\n"), "12:01:00 is 30 s after power-on: " + out);
        assertTrue(out.contains("flags\t2\t0\n"), "A2F set, A1F not (alarm 1 is all zeros: 00:00:00 on the 0th): " + out);
        assertTrue(out.contains("disabled\t2\t1\n"), out);
        assertTrue(out.matches("(?s).*int\t1\t70\\d{6}\n.*"), "the release is an edge too: " + out);
    }

    @Test
    void onceASecondForTwoMinutesWhenEachAlarmIsCleared() {
        TestBoards b = new TestBoards(REGISTERS + """
                put(0x07, 0x80, 0x80, 0x80, 0x80)   -- alarm 1, all masked: every second
                put(0x0F, 0x00)
                put(0x0E, 0x05)
                gpio.mode(6, gpio.INT)
                alarms = 0
                gpio.trig(6, 'down', function() alarms = alarms + 1; put(0x0F, 0x00) end)
                tmr.create():alarm(120500, tmr.ALARM_SINGLE, function() print('alarms', alarms) end)
                """, """
                {"i2c": [{"device": "ds3231", "time": "2024-05-01T12:00:00", "int": 6}]}
                """);
        assertTrue(b.printed(121_000).contains("alarms\t120\n"), b.text());
    }

    @Test
    void withoutIntcnThePinCarriesThe1HzSquareWave() {
        TestBoards b = new TestBoards(REGISTERS + """
                gpio.mode(7, gpio.INT)
                gpio.trig(7, 'both', function(level, when) print('edge', level, when) end)
                put(0x0E, 0x00)                      -- INTCN off, RS2/RS1 = 0: 1 Hz
                tmr.create():alarm(2800, tmr.ALARM_SINGLE, function() put(0x0E, 0x1C) end)
                """, """
                {"i2c": [{"device": "ds3231", "time": "2024-05-01T12:00:00", "int": 7}]}
                """);
        String out = b.printed(4000);
        // low as each second begins, high half a second later; back to INT mode (released) at 2.8 s
        assertTrue(out.contains("edge\t1\t500000\nedge\t0\t1000000\nedge\t1\t1500000\nedge\t0\t2000000\nedge\t1\t2500000\n"), out);
        assertTrue(!out.contains("edge\t0\t3000000"), "INTCN again at 2.8 s: no more wave: " + out);
    }

    @Test
    void masksDayOfWeekAnd12HourAlarmsWithoutWiring() {
        long[] micros = { 0 };
        // Wednesday 2024-05-01 23:59:00; the chip counts Wednesday as day 3 here (Monday = 1)
        Ds3231 rtc = new Ds3231(LocalDateTime.of(2024, 5, 1, 23, 59, 0), () -> micros[0]);
        write(rtc, 0x0F, 0x00);
        // alarm 1: 12-hour format 1 PM (0x40 | 0x20 | 0x01) on day 4 (DY/DT), at 00:30
        write(rtc, 0x07, 0x30, 0x00, 0x61, 0x44);
        // alarm 2: hours and minutes, date masked: 00:01 every day
        write(rtc, 0x0B, 0x01, 0x00, 0x80);
        micros[0] = 60_000_000; // Thursday 00:00:00
        assertEquals(0, read(rtc, 0x0F) & 3);
        micros[0] = 120_000_000; // 00:01:00
        assertEquals(2, read(rtc, 0x0F) & 3, "alarm 2 at 00:01:00");
        write(rtc, 0x0F, 0x00);
        micros[0] += (13 * 3600 - 60 + 29) * 1_000_000L; // Thursday 13:00:29
        assertEquals(0, read(rtc, 0x0F) & 3);
        micros[0] += 1_000_000; // 13:00:30
        assertEquals(1, read(rtc, 0x0F) & 3, "1 PM on day 4 at :30");
    }

    private static void write(Ds3231 rtc, int register, int... values) {
        rtc.addressed(false);
        rtc.write(register);
        for (int v : values) {
            rtc.write(v);
        }
        rtc.stop();
    }

    private static int read(Ds3231 rtc, int register) {
        rtc.addressed(false);
        rtc.write(register);
        rtc.addressed(true);
        int v = rtc.read();
        rtc.stop();
        return v;
    }
}
