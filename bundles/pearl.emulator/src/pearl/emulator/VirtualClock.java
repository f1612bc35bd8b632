package pearl.emulator;

/**
 * The board's time in microseconds since boot. It never sleeps: the scheduler moves it on by
 * what tasks cost and jumps it to the next due timer when nothing is runnable, so a day of a
 * timer-driven application passes in moments, the same way every run.
 */
public final class VirtualClock {

	private long micros;

	/** Microseconds since boot. */
	public long micros() {
		return micros;
	}

	/** What {@code tmr.now()} returns: the system microsecond counter masked to 31 bits, so it wraps to 0. */
	public long tmrNow() {
		return micros & 0x7FFF_FFFFL;
	}

	/** Moves time on by {@code delta} microseconds (a task's cost). */
	public void advanceBy(long delta) {
		if (delta < 0) {
			throw new IllegalArgumentException("time does not run backwards: " + delta);
		}
		micros += delta;
	}

	/** Moves time on to {@code when}, if that is later than now. */
	public void advanceTo(long when) {
		micros = Math.max(micros, when);
	}
}
