package pearl.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge between the host's real, asynchronous I/O (sockets read by their own threads) and
 * the board's scheduler in virtual time. Host threads {@link #deliver} (or {@link #arrive})
 * arrivals; the scheduler turns them into tasks at the current virtual time. The idle board waits
 * for the host in two ways:
 * <ul>
 * <li>while resources are {@link #opened open} ({@code net}'s sockets, where a host peer may speak
 * at any moment), virtual time runs at wall-clock pace until the next timer;</li>
 * <li>while a client {@link #expect expects} an answer it asked for (an MQTT broker's CONNACK), the
 * clock stands still for up to {@value #PATIENCE_MILLIS} ms of real time, so the answer comes a
 * few virtual milliseconds after the question, as on a LAN; an idle connection holds nothing.</li>
 * </ul>
 * One per boot: a reboot closes what the previous boot opened, as the chip's reset drops its
 * connections.
 */
public final class HostIo {

    private record Arrival(Priority priority, String source, Runnable work) {
    }

    /** Real time the board waits for an expected answer before letting virtual time go on. */
    public static final long PATIENCE_MILLIS = 5_000;

    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shutDown;
    private int expected; // guarded by arrivals
    /** Set when an answer took longer than the patience: stop waiting until something new is asked. */
    private boolean gaveUp; // guarded by arrivals

    /**
     * From any thread: runs {@code work} as a task on the board at the virtual time it is picked
     * up. If the priority's queue is full it waits for room (lwIP holds the data meanwhile).
     */
    public void deliver(Priority priority, String source, Runnable work) {
        synchronized (arrivals) {
            if (shutDown) {
                return;
            }
            arrivals.addLast(new Arrival(priority, source, work));
            arrivals.notifyAll();
        }
    }

    /** From any thread: {@code task} runs on the board at the virtual time the scheduler next looks. */
    public void arrive(Task task) {
        deliver(task.priority(), task.source(), task.body());
    }

    /** The board asked the host for something and an answer will {@link #arrive}. */
    public void expect() {
        synchronized (arrivals) {
            expected++;
            gaveUp = false;
        }
    }

    /** {@code count} expected answers came (or will not come any more). */
    public void settle(int count) {
        synchronized (arrivals) {
            expected = Math.max(0, expected - count);
        }
    }

    /** Answers the board still waits for. */
    public int expected() {
        synchronized (arrivals) {
            return expected;
        }
    }

    /**
     * When the board is idle: waits in real time, the clock standing still, for an arrival while
     * an answer is expected.
     *
     * @return true if something arrived (the scheduler then looks again before moving time on)
     */
    boolean awaitArrival() {
        synchronized (arrivals) {
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (arrivals.isEmpty() && expected > 0 && !gaveUp && !shutDown) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    gaveUp = true;
                    break;
                }
                try {
                    arrivals.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !arrivals.isEmpty();
        }
    }

    /** Counts {@code resource} as open: the board waits for its arrivals; a reboot closes it. */
    public void opened(Closeable resource) {
        open.add(resource);
    }

    /** {@code resource} is closed: nothing more comes from it. */
    public void closed(Closeable resource) {
        open.remove(resource);
    }

    /**
     * Drops every TCP connection to a host peer, as a peer that vanishes does: the board sees
     * each one reset. Servers and UDP sockets stay.
     *
     * @return how many connections were dropped
     */
    public int dropConnections() {
        int dropped = 0;
        for (Closeable resource : java.util.List.copyOf(open)) {
            if (resource instanceof java.net.Socket socket) {
                try {
                    socket.close();
                    dropped++;
                } catch (IOException e) {
                    // closing what is half gone already: it is dropped all the same
                }
            }
        }
        return dropped;
    }

    /** Whether host resources are open, so arrivals may still come. */
    public boolean isActive() {
        return !open.isEmpty();
    }

    /** Whether arrivals wait to become tasks. */
    public boolean hasArrivals() {
        synchronized (arrivals) {
            return !arrivals.isEmpty();
        }
    }

    /** Posts waiting arrivals as tasks, in order, while their queues have room. */
    void drainInto(TaskQueue tasks) {
        synchronized (arrivals) {
            while (!arrivals.isEmpty()) {
                Arrival next = arrivals.peekFirst();
                if (!tasks.post(new Task(next.priority(), next.source(), next.work()))) {
                    return;
                }
                arrivals.pollFirst();
            }
        }
    }

    /**
     * Waits up to {@code micros} of real time for an arrival.
     *
     * @return the microseconds that passed
     */
    long await(long micros) {
        long start = System.nanoTime();
        synchronized (arrivals) {
            long left = micros;
            while (arrivals.isEmpty() && left > 0 && !shutDown && isActive()) {
                try {
                    arrivals.wait(Math.max(1, left / 1000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                left = micros - (System.nanoTime() - start) / 1000;
            }
        }
        return Math.min(micros, (System.nanoTime() - start) / 1000);
    }

    /** Closes every open resource and drops pending arrivals: the board is going down. */
    public void shutDown() {
        synchronized (arrivals) {
            shutDown = true;
            arrivals.clear();
            arrivals.notifyAll();
        }
        List<Closeable> toClose = new ArrayList<>(open);
        open.clear();
        for (Closeable c : toClose) {
            try {
                c.close();
            } catch (IOException e) {
                // going down anyway
            }
        }
    }
}
