package pearl.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives a board for a front end (the command line, the debugger): as fast as it goes in virtual
 * time, or in slices paced to the wall clock, while bytes from the user (stdin, a pseudo-terminal,
 * a debug console) reach its UART between slices. {@link #stop} ends a run from another thread.
 */
public final class BoardRunner {

    private static final long SLICE_MICROS = 10_000;
    /** Virtual time run at once when not paced: short enough for {@link #stop} to be heard soon. */
    private static final long FAST_SLICE_MICROS = 1_000_000;

    private final Board board;
    private final ConcurrentLinkedQueue<String> input = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> actions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inputEnded = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long heldNanos;

    /** A runner for {@code board}. */
    public BoardRunner(Board board) {
        this.board = board;
    }

    /** The board it drives. */
    public Board board() {
        return board;
    }

    /** Bytes for the UART, delivered between slices (what a user typed at the REPL). */
    public void input(String bytes) {
        input.add(bytes);
    }

    /**
     * Runs {@code action} on the board's thread between slices, where it may read and change the
     * board (its files, its queues) safely: how views and tools outside the run touch a running
     * board. Actions given after the run ended never run.
     */
    public void later(Runnable action) {
        actions.add(action);
    }

    /**
     * The board stood still for {@code nanos} of wall time by someone else's will (a debugger's
     * stop): a paced run does not race to catch that time up.
     */
    public void held(long nanos) {
        heldNanos += nanos;
    }

    /** Ends the run in progress after its current slice; later runs return at once. */
    public void stop() {
        stopped = true;
        board.interrupt();
    }

    /** Feeds the bytes of {@code in} to the UART, from a thread of its own, until it ends. */
    public void readFrom(InputStream in) {
        readFrom(in, (char) -1);
    }

    /** Feeds the bytes of {@code in} to the UART until it ends or {@code quit} is typed. */
    public void readFrom(InputStream in, char quit) {
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
    public void writeTo(OutputStream out) {
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

    /** Whether the input has ended (and was all delivered). */
    public boolean inputDone() {
        return inputEnded.get() && input.isEmpty();
    }

    /**
     * Runs for {@code micros} of virtual time; {@code realtime} paces it to the wall clock and lets
     * input in between slices. Stops early at a reboot loop, or when {@code stopAtEndOfInput} and the
     * input has ended, or when {@link #stop} is called.
     */
    public void run(long micros, boolean realtime, boolean stopAtEndOfInput) throws InterruptedException {
        if (!realtime) {
            // slices end where one run would have: a task past a slice's end shortens the next
            long end = board.clockMicros() + micros;
            while (board.clockMicros() < end && !stopped && !board.isInterrupted() && board.rebootLoopCause() == null) {
                deliverInput();
                board.runFor(Math.min(FAST_SLICE_MICROS, end - board.clockMicros()));
            }
            return;
        }
        long startWall = System.nanoTime();
        heldNanos = 0;
        long elapsed = 0;
        long drainUntil = -1;
        while (elapsed < micros && !stopped && !board.isInterrupted() && board.rebootLoopCause() == null) {
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
            long wallMicros = (System.nanoTime() - startWall - heldNanos) / 1000;
            if (wallMicros < elapsed) {
                Thread.sleep((elapsed - wallMicros) / 1000, (int) ((elapsed - wallMicros) % 1000) * 1000);
            }
        }
    }

    private void deliverInput() {
        Runnable action;
        while ((action = actions.poll()) != null) {
            action.run();
        }
        String bytes;
        while ((bytes = input.poll()) != null) {
            if (board.scheduler() == null) {
                board.powerOn();
            }
            board.uart().receive(bytes);
        }
    }
}
