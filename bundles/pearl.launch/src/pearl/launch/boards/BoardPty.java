package pearl.launch.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import pearl.emulator.BoardListener;
import pearl.emulator.PtyBridge;

/**
 * A running emulated board's UART on a pseudo-terminal as well as in its launch's console: serial
 * tools (and Pearl's own device support) open {@link #device()} as they would a real board's USB
 * port. Needs {@code socat}.
 */
public final class BoardPty implements AutoCloseable {

    private final PtyBridge pty;
    private volatile boolean open = true;

    private BoardPty(RunningBoard board, PtyBridge pty) {
        this.pty = pty;
        OutputStream toPty = pty.process().getOutputStream();
        board.later(b -> b.addListener(new BoardListener() {
            @Override
            public void uartOutput(String bytes) {
                if (!open) {
                    return; // the board cannot forget a listener; a closed bridge stays quiet
                }
                try {
                    toPty.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                    toPty.flush();
                } catch (IOException e) {
                    open = false;
                }
            }
        }));
        Thread fromPty = new Thread(() -> {
            byte[] buffer = new byte[1024];
            InputStream in = pty.process().getInputStream();
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    board.input(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // the pty closed
            }
        }, "pty to " + board.label());
        fromPty.setDaemon(true);
        fromPty.start();
    }

    /** Opens a new pseudo-terminal on {@code board}'s UART. */
    public static BoardPty open(RunningBoard board) throws IOException {
        return new BoardPty(board, PtyBridge.open());
    }

    /** The terminal's path, e.g. {@code /dev/pts/3}. */
    public String device() {
        return pty.device();
    }

    @Override
    public void close() {
        open = false;
        pty.close();
    }
}
