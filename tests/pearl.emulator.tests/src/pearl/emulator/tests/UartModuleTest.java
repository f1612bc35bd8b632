package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code uart.write} of byte values and {@code uart.alt}. */
class UartModuleTest {

    @Test
    void numbersAreWrittenAsBytes() {
        TestBoards b = new TestBoards("""
                uart.write(0, 72, 105, '!', 10)
                print(pcall(function() uart.write(0, 256) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("Hi!\n"), out);
        assertTrue(out.contains("false\tinit.lua:2: invalid number\n"), out);
    }

    @Test
    void onTheAlternatePinsTheUsbSerialSeesNothing() {
        TestBoards b = new TestBoards("""
                print('before')
                uart.alt(1)
                print('on GPIO13/15')
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function() uart.alt(0) print('back') end)
                """);
        b.board.runFor(50_000);
        assertTrue(b.board.uart().onAlternatePins());
        b.board.uart().receive("print('typed')\n");
        String out = b.printed(100);
        assertTrue(out.contains("before\nback\n"), out);
        assertFalse(out.contains("on GPIO13/15"), out);
        assertFalse(out.contains("typed"), out);
        assertFalse(b.board.uart().onAlternatePins());
    }
}
