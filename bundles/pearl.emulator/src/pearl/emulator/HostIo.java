package pearl.emulator;

import java.util.ArrayDeque;

/**
 * Where the host's real, asynchronous I/O (a broker's socket) meets the board's virtual time.
 * Reader threads hand what arrived to {@link #arrive} as tasks; the scheduler posts them at the
 * current virtual time, on its own thread. While the board waits for an answer it asked for
 * ({@link #expect}), and has nothing else to run, the scheduler waits for it in real time (up to
 * {@value #PATIENCE_MILLIS} ms) instead of jumping the clock on: so a broker's CONNACK comes a few
 * virtual milliseconds after the CONNECT, as on a LAN, not after the next timer. An idle
 * connection (nothing expected) does not hold virtual time back; what arrives on it is posted
 * whenever the scheduler next looks.
 */
public final class HostIo {

	/** Real time the board waits for an expected answer before letting virtual time go on. */
	public static final long PATIENCE_MILLIS = 5_000;

	private final Object lock = new Object();
	private final ArrayDeque<Task> arrivals = new ArrayDeque<>();
	private int expected;
	/** Set when an answer took longer than the patience: stop waiting until something new is asked. */
	private boolean gaveUp;

	/** From any thread: {@code task} runs on the board at the virtual time the scheduler next looks. */
	public void arrive(Task task) {
		synchronized (lock) {
			arrivals.addLast(task);
			lock.notifyAll();
		}
	}

	/** The board asked the host for something and an answer will {@link #arrive}. */
	public void expect() {
		synchronized (lock) {
			expected++;
			gaveUp = false;
		}
	}

	/** {@code count} expected answers came (or will not come any more). */
	public void settle(int count) {
		synchronized (lock) {
			expected = Math.max(0, expected - count);
		}
	}

	/** Answers the board still waits for. */
	public int expected() {
		synchronized (lock) {
			return expected;
		}
	}

	/** Posts arrived tasks to {@code tasks} while their queues take them. */
	void drainInto(TaskQueue tasks) {
		synchronized (lock) {
			while (!arrivals.isEmpty() && tasks.post(arrivals.peekFirst())) {
				arrivals.pollFirst();
			}
		}
	}

	/**
	 * When the board is idle: waits in real time for an arrival while an answer is expected.
	 *
	 * @return true if something arrived (the scheduler then looks again before moving time on)
	 */
	boolean awaitArrival() {
		synchronized (lock) {
			long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
			while (arrivals.isEmpty() && expected > 0 && !gaveUp) {
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					gaveUp = true;
					break;
				}
				try {
					lock.wait(left);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return !arrivals.isEmpty();
		}
	}
}
