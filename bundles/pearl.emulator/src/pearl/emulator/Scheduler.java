package pearl.emulator;

import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The SDK's scheduler in virtual time: runs queued tasks one at a time, each to completion,
 * highest priority first; when none is runnable, jumps the clock to the next due timer. Tasks
 * move time on by what they cost ({@link #consume}).
 */
public final class Scheduler {

	private record Due(long micros, long sequence, BoardTimer timer, long generation) implements Comparable<Due> {
		@Override
		public int compareTo(Due other) {
			int byTime = Long.compare(micros, other.micros);
			return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
		}
	}

	private final VirtualClock clock = new VirtualClock();
	private final TaskQueue tasks = new TaskQueue();
	private final PriorityQueue<Due> timers = new PriorityQueue<>();
	private long sequence;
	private long tasksRun;

	/** The board's clock. */
	public VirtualClock clock() {
		return clock;
	}

	/** The waiting tasks. */
	public TaskQueue tasks() {
		return tasks;
	}

	/** How many tasks have run since boot. */
	public long tasksRun() {
		return tasksRun;
	}

	/** {@code tmr.create()}: a new idle, unregistered timer. */
	public BoardTimer createTimer() {
		return new BoardTimer(this);
	}

	/** Queues a task; false when its queue is full. */
	public boolean post(Task task) {
		return tasks.post(task);
	}

	/** Charges the running task {@code micros} of CPU time (a busy wait, executed instructions). */
	public void consume(long micros) {
		clock.advanceBy(micros);
	}

	void schedule(BoardTimer timer, long dueMicros, long generation) {
		timers.add(new Due(dueMicros, sequence++, timer, generation));
	}

	/**
	 * Runs the board for {@code micros} of virtual time: every task that becomes runnable in that
	 * time runs; the clock ends at the end of the span (later, if the last task overran it).
	 */
	public void runFor(long micros) {
		long end = clock.micros() + micros;
		while (true) {
			fireDueTimers();
			Optional<Task> next = tasks.next();
			if (next.isPresent()) {
				tasksRun++;
				next.get().body().run();
				continue;
			}
			Due due = timers.peek();
			if (due == null || due.micros() > end) {
				clock.advanceTo(end);
				return;
			}
			clock.advanceTo(due.micros());
		}
	}

	private void fireDueTimers() {
		while (!timers.isEmpty() && timers.peek().micros() <= clock.micros()) {
			Due due = timers.poll();
			due.timer().due(due.generation());
		}
	}
}
