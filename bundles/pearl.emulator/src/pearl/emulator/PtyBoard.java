package pearl.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An emulated board running in this JVM on a thread of its own, paced to the wall clock, its UART
 * on a pseudo-terminal ({@link PtyBridge}): the other end of the pty is what a real board's USB
 * serial port would be, for tests of the tools that talk to real boards.
 */
public final class PtyBoard implements AutoCloseable {

    private final Board board;
    private final String device;
    private final BoardRunner runner;
    private final PtyBridge pty;
    private final Thread thread;

    private PtyBoard(Board board, BoardRunner runner, PtyBridge pty) {
        this.board = board;
        this.runner = runner;
        this.pty = pty;
        this.device = pty.device();
        this.thread = new Thread(() -> {
            try {
                runner.run(Long.MAX_VALUE / 4, true, false);
            } catch (InterruptedException e) {
                // test over
            }
        }, "emulated board");
        thread.setDaemon(true);
    }

    /** A board with {@code files} in its SPIFFS, booted, its UART on a new pty. */
    public static PtyBoard start(Path project, Map<String, String> files) throws IOException {
        return start(project, files, in -> in);
    }

    /** The same, the bytes the host sends passing through {@code wire} on their way to the board. */
    public static PtyBoard start(Path project, Map<String, String> files, UnaryOperator<InputStream> wire) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(project.resolve(f.getKey()), f.getValue());
        }
        Board board = ProjectBoard.of(project).build(w -> {
        });
        BoardRunner runner = new BoardRunner(board);
        PtyBridge pty = PtyBridge.open();
        runner.writeTo(pty.process().getOutputStream());
        runner.readFrom(wire.apply(pty.process().getInputStream()));
        PtyBoard started = new PtyBoard(board, runner, pty);
        started.thread.start();
        return started;
    }

    /** The board, for reading its state (its thread runs it: no changes from here). */
    public Board board() {
        return board;
    }

    /** The pseudo-terminal to open as the board's serial port, e.g. {@code /dev/pts/3}. */
    public String device() {
        return device;
    }

    /** The bytes of {@code name} in the board's SPIFFS, or null. */
    public byte[] file(String name) {
        return board.spiffs().getContents(name);
    }

    @Override
    public void close() throws InterruptedException {
        runner.stop();
        thread.join(2000);
        pty.close();
    }
}
