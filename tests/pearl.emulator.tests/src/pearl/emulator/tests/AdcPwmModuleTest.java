package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PwmState;

/** {@code adc} reading a configured signal, and {@code pwm} whose state Java can see. */
class AdcPwmModuleTest {

    @Test
    void adcReadsTheConfiguredSignalAndTheInitDataModeSwitchesAtTheNextBoot() {
        TestBoards b = new TestBoards("""
                print('boot', adc.read(0), adc.readvdd33())
                tmr.create():alarm(1000, tmr.ALARM_SINGLE, function()
                  print('at 1 s', adc.read(0))
                end)
                tmr.create():alarm(2000, tmr.ALARM_SINGLE, function()
                  print('at 2 s', adc.read(0))
                  print('changed', adc.force_init_mode(adc.INIT_VDD33), adc.force_init_mode(adc.INIT_VDD33))
                  node.restart()
                end)
                """, """
                {"adc": [{"at": 0, "value": 300}, {"at": 1500, "value": 900}, {"at": 1800, "value": 2000}], "vdd33": 3150}
                """);
        String out = b.printed(3000);
        // TOUT takes 0-1.0 V: a signal above saturates at 1023
        assertTrue(out.contains("boot\t300\t65535\nat 1 s\t300\nat 2 s\t1023\nchanged\ttrue\tfalse\n"), out);
        assertTrue(out.contains("boot\t65535\t3150\n"), out);
    }

    @Test
    void adcBadArguments() {
        TestBoards b = new TestBoards("""
                print(pcall(function() adc.read(1) end))
                print(pcall(function() adc.force_init_mode(7) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("""
                false\tinit.lua:1: adc 1 does not exist
                false\tinit.lua:2: bad argument #1 to 'force_init_mode' (Invalid mode)
                """), out);
    }

    @Test
    void pwmDutyAndTheSharedClockAreVisibleFromJava() {
        TestBoards b = new TestBoards("""
                print('setup', pwm.setup(1, 500, 512))
                pwm.start(1)
                pwm.setup(2, 100, 100)
                pwm.setduty(2, 1023)
                print('read back', pwm.getclock(1), pwm.getduty(1), pwm.getduty(2))
                pwm.setup(5, 1000, 0); pwm.close(5)
                """);
        String out = b.printed(100);
        assertTrue(out.contains("setup\t500\nread back\t100\t512\t1023\n"), out);
        GpioPins pins = b.board.hardware().pins();
        // pin 5 came with 1000 Hz, which every pin now shares
        assertEquals(new PwmState(1000, 512, true), pins.pwm(1));
        assertEquals(new PwmState(1000, 1023, false), pins.pwm(2));
        assertNull(pins.pwm(5));
    }

    @Test
    void pwmBadArguments() {
        TestBoards b = new TestBoards("""
                print(pcall(function() pwm.setup(0, 100, 10) end))
                print(pcall(function() pwm.setup(1, 0, 10) end))
                print(pcall(function() pwm.setup(1, 1001, 10) end))
                print(pcall(function() pwm.setup(1, 100, 1024) end))
                print(pcall(function() pwm.start(3) end))
                for pin = 1, 6 do pwm.setup(pin, 100, 10) end
                print(pcall(function() pwm.setup(7, 100, 10) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("""
                false\tinit.lua:1: no pwm for D0
                false\tinit.lua:2: bad argument #2 to 'setup' (wrong arg range)
                false\tinit.lua:3: bad argument #2 to 'setup' (wrong arg range)
                false\tinit.lua:4: bad argument #3 to 'setup' (wrong arg range)
                false\tinit.lua:5: Unable to start PWM output
                false\tinit.lua:7: too many pwms.
                """), out);
    }
}
