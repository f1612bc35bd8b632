package pearl.device.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pearl.emulator.Board;
import pearl.emulator.BoardRunner;
import pearl.emulator.ProjectBoard;

/**
 * An emulated board running in this JVM, paced to the wall clock, its UART on a pseudo-terminal
 * made by socat: the other end of the pty is what a real board's USB serial port would be.
 */
final class EmulatedBoardPty implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    final Board board;
    final String device;
    private final BoardRunner runner;
    private final Process socat;
    private final Thread thread;

    private EmulatedBoardPty(Board board, BoardRunner runner, Process socat, String device) {
        this.board = board;
        this.runner = runner;
        this.socat = socat;
        this.device = device;
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
    static EmulatedBoardPty start(Path project, Map<String, String> files) throws IOException {
        return start(project, files, in -> in);
    }

    /** The same, the bytes the host sends passing through {@code wire} on their way to the board. */
    static EmulatedBoardPty start(Path project, Map<String, String> files, UnaryOperator<InputStream> wire) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(project.resolve(f.getKey()), f.getValue());
        }
        Board board = ProjectBoard.of(project).build(w -> {
        });
        BoardRunner runner = new BoardRunner(board);
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "stdio").start();
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        String device = null;
        String line;
        while (device == null && (line = log.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                device = m.group(1);
            }
        }
        if (device == null) {
            throw new IOException("socat opened no pty");
        }
        Thread drain = new Thread(() -> {
            try {
                while (log.readLine() != null) {
                    // socat's log
                }
            } catch (IOException e) {
                // ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        runner.writeTo(socat.getOutputStream());
        runner.readFrom(wire.apply(socat.getInputStream()));
        EmulatedBoardPty pty = new EmulatedBoardPty(board, runner, socat, device);
        pty.thread.start();
        return pty;
    }

    /** The bytes of {@code name} in the board's SPIFFS, or null. */
    byte[] file(String name) {
        return board.spiffs().getContents(name);
    }

    @Override
    public void close() throws InterruptedException {
        runner.stop();
        thread.join(2000);
        socat.destroy();
        socat.waitFor(2, TimeUnit.SECONDS);
    }
}
