package pearl.launch.boards;

import java.io.IOException;

import pearl.emulator.PtyBridge;

/**
 * A running emulated board's UART on a pseudo-terminal as well as in its launch's console: serial
 * tools (and Pearl's own device support) open {@link #device()} as they would a real board's USB
 * port. Needs {@code socat}.
 */
public final class BoardPty implements AutoCloseable {

    private final PtyBridge pty;

    private BoardPty(PtyBridge pty) {
        this.pty = pty;
    }

    /** Opens a new pseudo-terminal on {@code board}'s UART. */
    public static BoardPty open(RunningBoard board) throws IOException {
        PtyBridge pty = PtyBridge.open("Pearl IDE: " + board.label());
        // once closed, the board's writes to the bridge fail quietly and its reader sees the end
        board.connectUart(pty.process().getInputStream(), pty.process().getOutputStream());
        return new BoardPty(pty);
    }

    /** The terminal's path, e.g. {@code /dev/pts/3}. */
    public String device() {
        return pty.device();
    }

    @Override
    public void close() {
        pty.close();
    }
}
