package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PinMode;

/** {@code gpio} on a board whose inputs an outside timeline drives. */
class GpioModuleTest {

    @Test
    void modesDecideWhatAPinReads() {
        TestBoards b = new TestBoards("""
                gpio.mode(1, gpio.OUTPUT); gpio.write(1, gpio.HIGH)
                gpio.mode(2, gpio.INPUT, gpio.PULLUP)
                gpio.mode(5, gpio.INPUT, gpio.FLOAT)
                gpio.mode(3, gpio.INPUT)
                gpio.mode(6, gpio.OPENDRAIN); gpio.write(6, gpio.LOW)
                print('levels', gpio.read(1), gpio.read(2), gpio.read(5), gpio.read(3), gpio.read(6))
                gpio.write(1, gpio.LOW); gpio.write(6, gpio.HIGH)
                print('after', gpio.read(1), gpio.read(6))
                """, """
                {"gpio": [{"at": 0, "pin": 3, "level": 1}, {"at": 0, "pin": 6, "level": 1}]}
                """);
        String out = b.printed(100);
        assertTrue(out.contains("levels\t1\t1\t0\t1\t0\n"), out);
        assertTrue(out.contains("after\t0\t1\n"), out);
        GpioPins pins = b.board.hardware().pins();
        assertEquals(PinMode.OUTPUT, pins.mode(1));
        assertEquals(0, pins.level(1));
        assertEquals(PinMode.INPUT, pins.mode(2));
        assertTrue(pins.pullUp(2));
    }

    @Test
    void anInputFollowsTheTimeline() {
        TestBoards b = new TestBoards("""
                gpio.mode(7, gpio.INPUT)
                local t = tmr.create()
                t:alarm(100, tmr.ALARM_AUTO, function() print('pin7', gpio.read(7)) end)
                """, """
                {"gpio": [{"at": 250, "pin": 7, "level": 1}, {"at": 450, "pin": 7, "level": 0}]}
                """);
        String out = b.printed(560);
        assertTrue(out.endsWith("pin7\t0\npin7\t0\npin7\t1\npin7\t1\npin7\t0\n"), out);
    }

    @Test
    void trigCallsBackWithTheLevelAndTimeOfTheEdge() {
        TestBoards b = new TestBoards("""
                gpio.mode(3, gpio.INT, gpio.PULLUP)
                gpio.trig(3, 'down', function(level, when, count)
                  print('down', level, when, count, tmr.now() >= when)
                end)
                gpio.mode(4, gpio.INT)
                gpio.trig(4, 'up', function(level, when) print('up', level, when) end)
                """, """
                {"gpio": [{"at": 1500, "pin": 3, "level": 0}, {"at": 1600.25, "pin": 3, "level": 1},
                          {"at": 1700, "pin": 4, "level": 1}, {"at": 1800, "pin": 4, "level": 0}]}
                """);
        String out = b.printed(2000);
        // one falling edge on 3 (its rise is not a 'down'), one rising edge on 4
        assertTrue(out.endsWith("down\t0\t1500000\t1\ttrue\nup\t1\t1700000\n"), out);
    }

    @Test
    void javaCanDriveAnInputWhileTheBoardRuns() {
        TestBoards b = new TestBoards("""
                gpio.mode(5, gpio.INT, gpio.PULLUP)
                gpio.trig(5, 'down', function(level, when) print('clicked', level, when, gpio.read(5)) end)
                """);
        b.run(300);
        b.board.hardware().drive(5, 0);
        String out = b.printed(100);
        assertTrue(out.endsWith("clicked\t0\t300000\t0\n"), out);
        assertEquals(0, b.board.hardware().pins().level(5));
    }

    @Test
    void edgesWhileATaskRunsAreMergedIntoOneCallback() {
        TestBoards b = new TestBoards("""
                gpio.mode(6, gpio.INT)
                gpio.trig(6, 'both', function(level, when, count) print('edges', level, when, count) end)
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function() tmr.delay(5000) end)
                """, """
                {"gpio": [{"at": 101, "pin": 6, "level": 1}, {"at": 102, "pin": 6, "level": 0},
                          {"at": 103, "pin": 6, "level": 1}, {"at": 200, "pin": 6, "level": 0}]}
                """);
        String out = b.printed(300);
        // the three edges during the busy task wait in one queued callback: the last one's level and time
        assertTrue(out.endsWith("edges\t1\t103000\t3\nedges\t0\t200000\t1\n"), out);
    }

    @Test
    void aLevelInterruptFiresAgainWhileTheLevelHolds() {
        TestBoards b = new TestBoards("""
                local n = 0
                gpio.mode(7, gpio.INT, gpio.PULLUP)
                gpio.trig(7, 'low', function(level)
                  n = n + 1
                  print('low', level, n)
                  if n == 3 then gpio.trig(7, 'high') elseif n == 4 then gpio.trig(7, 'none') end
                end)
                """, """
                {"gpio": [{"at": 500, "pin": 7, "level": 0}, {"at": 800, "pin": 7, "level": 1}]}
                """);
        String out = b.printed(1000);
        // re-armed after each callback, 'low' fires until the callback switches to 'high', which fires at
        // 800 ms (and would go on firing while the pin stays high, had the callback not turned it off)
        assertTrue(out.endsWith("low\t0\t1\nlow\t0\t2\nlow\t0\t3\nlow\t1\t4\n"), out);
    }

    @Test
    void trigNoneAndLeavingIntModeStopTheCallbacks() {
        TestBoards b = new TestBoards("""
                gpio.mode(3, gpio.INT)
                gpio.trig(3, 'both', function(level) print('edge', level) end)
                tmr.create():alarm(150, tmr.ALARM_SINGLE, function() gpio.trig(3, 'none') end)
                tmr.create():alarm(250, tmr.ALARM_SINGLE, function() gpio.trig(3, 'both') end)
                tmr.create():alarm(350, tmr.ALARM_SINGLE, function() gpio.mode(3, gpio.INPUT) end)
                """, """
                {"gpio": [{"at": 100, "pin": 3, "level": 1}, {"at": 200, "pin": 3, "level": 0},
                          {"at": 300, "pin": 3, "level": 1}, {"at": 400, "pin": 3, "level": 0}]}
                """);
        String out = b.printed(500);
        // 'none' dropped the callback: re-enabling without a function has none to call
        assertTrue(out.endsWith("edge\t1\n"), out);
    }

    @Test
    void aDebouncedButtonCountsPressesNotBounces() {
        TestBoards b = new TestBoards("""
                local pin, presses, interrupts = 2, 0, 0
                local settle = tmr.create()
                settle:register(30, tmr.ALARM_SEMI, function()
                  if gpio.read(pin) == 0 then presses = presses + 1; print('press', presses) end
                end)
                gpio.mode(pin, gpio.INT, gpio.PULLUP)
                gpio.trig(pin, 'down', function(level, when, count)
                  interrupts = interrupts + count
                  settle:start()
                end)
                tmr.create():alarm(3500, tmr.ALARM_SINGLE, function() print('interrupts', interrupts) end)
                """, """
                {"gpio": [
                  {"at": 1000, "pin": 2, "level": 0}, {"at": 1000.3, "pin": 2, "level": 1},
                  {"at": 1000.7, "pin": 2, "level": 0}, {"at": 1001.5, "pin": 2, "level": 1},
                  {"at": 1002, "pin": 2, "level": 0},
                  {"at": 1300, "pin": 2, "level": 1}, {"at": 1300.4, "pin": 2, "level": 0}, {"at": 1301, "pin": 2, "level": 1},
                  {"at": 2000, "pin": 2, "level": 0}, {"at": 2000.5, "pin": 2, "level": 1}, {"at": 2001, "pin": 2, "level": 0},
                  {"at": 2400, "pin": 2, "level": 1},
                  {"at": 3000, "pin": 2, "level": 0}, {"at": 3002, "pin": 2, "level": 1}
                ]}
                """);
        String out = b.printed(4000);
        List<String> lines = out.lines().filter(l -> l.startsWith("press") || l.startsWith("interrupts")).toList();
        // two real presses; the bounces and the 2 ms glitch at 3 s raise interrupts but no press
        assertEquals(List.of("press\t1", "press\t2", "interrupts\t7"), lines, out);
    }

    @Test
    void badArgumentsGiveTheFirmwaresErrors() {
        TestBoards b = new TestBoards("""
                print(pcall(gpio.read, 13))
                print(pcall(gpio.write, 1, 2))
                print(pcall(function() gpio.mode(13, gpio.OUTPUT) end))
                print(pcall(function() gpio.mode(0, gpio.INT) end))
                print(pcall(function() gpio.mode(1, 7) end))
                print(pcall(function() gpio.trig(0, 'up') end))
                print(pcall(function() gpio.trig(1, 'sideways') end))
                print(pcall(function() gpio.trig(1, 'up', 5) end))
                print(pcall(function() gpio.write(1, 2) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("""
                false\tgpio 13 does not exist
                false\tbad argument #2 to '?' (wrong level type)
                false\tinit.lua:3: bad argument #1 to 'mode' (Invalid pin)
                false\tinit.lua:4: bad argument #1 to 'mode' (Invalid pin)
                false\tinit.lua:5: bad argument #2 to 'mode' (wrong arg type)
                false\tinit.lua:6: bad argument #1 to 'trig' (Invalid interrupt pin)
                false\tinit.lua:7: bad argument #2 to 'trig' (invalid option 'sideways')
                false\tinit.lua:8: bad argument #3 to 'trig' (invalid callback type)
                false\tinit.lua:9: bad argument #2 to 'write' (wrong level type)
                """), out);
    }

    @Test
    void seroutTogglesThePinAfterEachDelay() {
        TestBoards b = new TestBoards("""
                gpio.mode(1, gpio.OUTPUT)
                local t0 = tmr.now()
                gpio.serout(1, gpio.HIGH, {300, 700}, 3)
                print('sync', gpio.read(1), tmr.now() - t0 >= 3000)
                gpio.serout(1, gpio.LOW, {1000, 1000, 1000}, 1, function() print('done', gpio.read(1)) end)
                print('async', gpio.read(1))
                """);
        String out = b.printed(100);
        // an even number of toggles ends where it started; the async one ends after three
        assertTrue(out.contains("sync\t1\ttrue\nasync\t0\ndone\t1\n"), out);
    }
}
