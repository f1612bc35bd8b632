package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import pearl.emulator.UartPacing;

/**
 * A paced pty is a wire of the given baud: bytes arrive intact and never faster than ten bit times
 * each. Only lower bounds on time are checked: a loaded machine can make the wire slower, never faster.
 */
class UartPacingTest {

    private static final byte[] LINE = "file.write('0123456789abcdefghijklmnopqrstuvwxyz')\r\n".repeat(3).getBytes();

    @Test
    void writesGoNoFasterThanTheBaudRateAllows() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream out = UartPacing.paced(wire, 9600);
        long start = System.nanoTime();
        out.write(LINE);
        out.write('\n');
        double seconds = (System.nanoTime() - start) / 1e9;
        // (LINE + 1) bytes × 10 bits at 9600 baud, less the millisecond the pacing may owe
        double wireTime = (LINE.length + 1) * 10 / 9600.0;
        assertTrue(seconds >= wireTime - 0.0011, seconds + " s for " + wireTime + " s of wire time");
        byte[] expected = new byte[LINE.length + 1];
        System.arraycopy(LINE, 0, expected, 0, LINE.length);
        expected[LINE.length] = '\n';
        assertArrayEquals(expected, wire.toByteArray());
    }

    @Test
    void readsArriveNoFasterThanTheBaudRateAllows() throws Exception {
        InputStream in = UartPacing.paced(new ByteArrayInputStream(LINE), 9600);
        long start = System.nanoTime();
        byte[] got = in.readAllBytes();
        double seconds = (System.nanoTime() - start) / 1e9;
        double wireTime = LINE.length * 10 / 9600.0;
        assertTrue(seconds >= wireTime - 0.0011, seconds + " s for " + wireTime + " s of wire time");
        assertArrayEquals(LINE, got);
    }

    @Test
    void aBaudRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> UartPacing.paced(new ByteArrayOutputStream(), 0));
    }
}
