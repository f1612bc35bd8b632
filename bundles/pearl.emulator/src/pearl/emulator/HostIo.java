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
 * the board's scheduler in virtual time. Host threads {@link #deliver} arrivals; the scheduler
 * turns them into tasks at the current virtual time. While host resources are open and nothing is
 * runnable, the scheduler waits for arrivals in real time instead of jumping the clock past them,
 * so virtual time runs at wall-clock pace exactly while the board waits on the network.
 * One per boot: a reboot closes what the previous boot opened, as the chip's reset drops its
 * connections.
 */
public final class HostIo {

    private record Arrival(Priority priority, String source, Runnable work) {
    }

    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shutDown;

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

    /** Counts {@code resource} as open: the board waits for its arrivals; a reboot closes it. */
    public void opened(Closeable resource) {
        open.add(resource);
    }

    /** {@code resource} is closed: nothing more comes from it. */
    public void closed(Closeable resource) {
        open.remove(resource);
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
