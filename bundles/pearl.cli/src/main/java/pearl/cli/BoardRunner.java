package pearl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;

/**
 * Drives a board from the command line: all at once in virtual time, or in slices paced to the
 * wall clock while bytes from the user (stdin, a pseudo-terminal) reach its UART between tasks.
 */
final class BoardRunner {

    private static final long SLICE_MICROS = 10_000;

    private final Board board;
    private final ConcurrentLinkedQueue<String> input = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inputEnded = new AtomicBoolean();

    BoardRunner(Board board) {
        this.board = board;
    }

    /** Feeds the bytes of {@code in} to the UART, from a thread of its own, until it ends. */
    void readFrom(InputStream in) {
        readFrom(in, (char) -1);
    }

    /** Feeds the bytes of {@code in} to the UART until it ends or {@code quit} is typed. */
    void readFrom(InputStream in, char quit) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String bytes = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    int stop = bytes.indexOf(quit);
                    if (stop >= 0) {
                        input.add(bytes.substring(0, stop));
                        break;
                    }
                    input.add(bytes);
                }
            } catch (IOException e) {
                // the other end went away: same as the end of input
            }
            inputEnded.set(true);
        }, "pearl uart input");
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes the UART's output bytes to {@code out}. */
    void writeTo(OutputStream out) {
        board.addListener(new BoardListener() {
            @Override
            public void uartOutput(String bytes) {
                try {
                    out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // nobody is listening any more; the board goes on
                }
            }
        });
    }

    /** Connects the UART to a pseudo-terminal, telling the user which. */
    void connect(PtyBridge pty, Console console) {
        console.err().println("UART on " + pty.device());
        writeTo(pty.process().getOutputStream());
        readFrom(pty.process().getInputStream());
    }

    /** Whether the input has ended (and was all delivered). */
    boolean inputDone() {
        return inputEnded.get() && input.isEmpty();
    }

    /**
     * Runs for {@code micros} of virtual time; {@code realtime} paces it to the wall clock and lets
     * input in between slices. Stops early at a reboot loop, or when {@code stopAtEndOfInput} and the
     * input has ended.
     */
    void run(long micros, boolean realtime, boolean stopAtEndOfInput) throws InterruptedException {
        if (!realtime) {
            deliverInput();
            board.runFor(micros);
            return;
        }
        long startWall = System.nanoTime();
        long elapsed = 0;
        long drainUntil = -1;
        while (elapsed < micros && board.rebootLoopCause() == null) {
            deliverInput();
            long slice = Math.min(SLICE_MICROS, micros - elapsed);
            board.runFor(slice);
            elapsed += slice;
            if (stopAtEndOfInput && inputDone()) {
                // give the board a moment to answer the last line, then stop
                if (drainUntil < 0) {
                    drainUntil = elapsed + 200_000;
                } else if (elapsed >= drainUntil) {
                    return;
                }
                continue;
            }
            long wallMicros = (System.nanoTime() - startWall) / 1000;
            if (wallMicros < elapsed) {
                Thread.sleep((elapsed - wallMicros) / 1000, (int) ((elapsed - wallMicros) % 1000) * 1000);
            }
        }
    }

    private void deliverInput() {
        String bytes;
        while ((bytes = input.poll()) != null) {
            if (board.scheduler() == null) {
                board.powerOn();
            }
            board.uart().receive(bytes);
        }
    }
}
