package pearl.emulator;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A serial wire's speed for the emulated board's UART on a pseudo-terminal: at {@code baud} with
 * 8N1 framing each byte takes ten bit times, so at most {@code baud / 10} bytes pass per second
 * in each direction. A pty alone moves bytes as fast as memory; tools measured against it (upload
 * throughput, timeouts) would look far better than on a real board's USB-serial line.
 */
public final class UartPacing {

    /** Bits on the wire per byte: start bit, eight data bits, stop bit. */
    public static final int BITS_PER_BYTE = 10;

    private final long nanosPerByte;
    private long nextFree = System.nanoTime();

    private UartPacing(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        this.nanosPerByte = BITS_PER_BYTE * 1_000_000_000L / baud;
    }

    /** Bytes written to the result reach {@code out} no faster than {@code baud} allows. */
    public static OutputStream paced(OutputStream out, int baud) {
        UartPacing line = new UartPacing(baud);
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                line.take(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                // a few bytes at a time, so the far end sees them trickle in as from a wire
                for (int at = off; at < off + len; at += 16) {
                    int n = Math.min(16, off + len - at);
                    line.take(n);
                    out.write(b, at, n);
                    out.flush();
                }
            }
        };
    }

    /** Bytes read from the result arrive no faster than {@code baud} allows. */
    public static InputStream paced(InputStream in, int baud) {
        UartPacing line = new UartPacing(baud);
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    line.take(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, Math.min(len, 16));
                if (n > 0) {
                    line.take(n);
                }
                return n;
            }
        };
    }

    /** Waits until {@code bytes} more bytes fit on the wire after those already sent. */
    private synchronized void take(int bytes) throws InterruptedIOException {
        long now = System.nanoTime();
        long start = Math.max(now, nextFree);
        nextFree = start + bytes * nanosPerByte;
        long wait = nextFree - now;
        // a byte takes 87 µs at 115200 baud, far below what a sleep can hit: let the debt grow to
        // a millisecond and pay it at once, so the average rate is exact
        if (wait > 1_000_000) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted on the serial wire");
            }
        }
    }
}
