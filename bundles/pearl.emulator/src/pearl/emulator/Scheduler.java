package pearl.emulator;

import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's scheduler in virtual time: runs queued tasks one at a time, each to completion,
 * highest priority first; when none is runnable, jumps the clock to the next due timer. Tasks
 * move time on by what they cost ({@link #consume}). A task that runs past
 * {@value #WATCHDOG_MICROS} µs without feeding the watchdog resets the board: nothing runs after.
 * What real sockets deliver comes in through {@link HostIo}, which may hold the idle board in
 * real time while it waits for an answer.
 */
public final class Scheduler {

	/** The SDK asks tasks to stay under about 15 ms, or WiFi and the network may fail. */
	public static final long LONG_TASK_MICROS = 15_000;
	/** Past about 500 ms in one task the watchdog resets the chip. */
	public static final long WATCHDOG_MICROS = 500_000;

	/**
	 * Thrown through a task that has run too long; the scheduler catches it and resets. An Error,
	 * so that neither Lua's pcall nor LuaJ's VM, which catch exceptions, can swallow it.
	 */
	private static final class WatchdogTimeout extends Error {
		private static final long serialVersionUID = 1L;

		WatchdogTimeout() {
			super("watchdog", null, false, false);
		}
	}

	private record Due(long micros, long sequence, Runnable fire) implements Comparable<Due> {
		@Override
		public int compareTo(Due other) {
			int byTime = Long.compare(micros, other.micros);
			return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
		}
	}

	private final VirtualClock clock;
	private final TaskQueue tasks = new TaskQueue();
	private final PriorityQueue<Due> timers = new PriorityQueue<>();
	private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
	private long sequence;
	private long tasksRun;
	private long watchdogFedAt;
	private boolean running;
	private boolean reset;
	private boolean watchdogEnabled = true;
	private HostIo hostIo = new HostIo();
	private Task current;
	private volatile boolean interrupted;
	private Runnable beforeWatchdog = () -> {
	};
	private Runnable betweenTasks = () -> {
	};

	/** A scheduler with a clock of its own, starting at 0. */
	public Scheduler() {
		this(new VirtualClock());
	}

	/** A scheduler on {@code clock}, which goes on across reboots of the board. */
	public Scheduler(VirtualClock clock) {
		this.clock = clock;
	}

	/** The board's clock. */
	public VirtualClock clock() {
		return clock;
	}

	/** The waiting tasks. */
	public TaskQueue tasks() {
		return tasks;
	}

	/** The host I/O of this boot: real sockets' arrivals become tasks here. */
	public HostIo hostIo() {
		return hostIo;
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

	/**
	 * Queues a task the SDK posts for an event (a timer firing); when its queue is full the event
	 * is lost, as on the board, and listeners hear of it.
	 */
	void postOrDrop(Task task) {
		if (!tasks.post(task)) {
			listeners.forEach(l -> l.taskDropped(task.priority(), task.source(), clock.micros()));
		}
	}

	/**
	 * Connects host I/O: its arrivals become tasks, and while it has open resources an idle
	 * scheduler waits for them in real time rather than jumping the clock.
	 */
	public void setHostIo(HostIo io) {
		hostIo = io;
	}

	/** Tells {@code listener} what the board does from now on. */
	public void addListener(BoardListener listener) {
		listeners.add(listener);
	}

	/** Whether the watchdog has reset the board (the emulator then reboots it). */
	public boolean isReset() {
		return reset;
	}

	/** Stops the scheduler after the running task: the board is going down ({@code node.restart}, a panic). */
	public void halt() {
		reset = true;
	}

	/** Turns the watchdog off (for long computations and benchmarks) or on. */
	public void setWatchdogEnabled(boolean enabled) {
		watchdogEnabled = enabled;
	}

	/** Whether a task is running now. */
	public boolean isRunning() {
		return running;
	}

	/** Microseconds the running task may still use before the watchdog bites. */
	public long watchdogRemaining() {
		return WATCHDOG_MICROS - (clock.micros() - watchdogFedAt);
	}

	/**
	 * Charges the running task {@code micros} of CPU time (a busy wait, executed instructions).
	 * Past the watchdog's limit the task ends here and the board resets.
	 */
	public void consume(long micros) {
		if (running && watchdogEnabled && clock.micros() + micros - watchdogFedAt > WATCHDOG_MICROS) {
			clock.advanceTo(watchdogFedAt + WATCHDOG_MICROS);
			beforeWatchdog.run();
			throw new WatchdogTimeout();
		}
		clock.advanceBy(micros);
	}

	/**
	 * Ends {@link #runFor} after the running task (or at once between tasks), leaving the board
	 * as it is: a front end has seen what it waited for. Safe from any thread.
	 */
	public void interrupt() {
		interrupted = true;
	}

	/** Whether {@link #interrupt} was called. */
	public boolean isInterrupted() {
		return interrupted;
	}

	/** The task running now, or null between tasks. */
	public Task currentTask() {
		return current;
	}

	/**
	 * Sets what runs when the watchdog is about to reset the board (inside the task, its frames
	 * still live) and what runs before each task is picked (a debugger's chance to pause).
	 */
	public void setDebugHooks(Runnable beforeWatchdog, Runnable betweenTasks) {
		this.beforeWatchdog = beforeWatchdog;
		this.betweenTasks = betweenTasks;
	}

	/** {@code tmr.wdclr()}: the running task may go on for another watchdog period. */
	public void feedWatchdog() {
		watchdogFedAt = clock.micros();
	}

	void schedule(BoardTimer timer, long dueMicros, long generation) {
		timers.add(new Due(dueMicros, sequence++, () -> timer.due(generation)));
	}

	/**
	 * Runs {@code action} (Java, outside any task) when the clock reaches {@code micros}: how
	 * simulated hardware events (an input edge) happen at their time; the action may post tasks.
	 */
	public void at(long micros, Runnable action) {
		timers.add(new Due(micros, sequence++, action));
	}

	/**
	 * Runs the board for {@code micros} of virtual time: every task that becomes runnable in that
	 * time runs; the clock ends at the end of the span (later, if the last task overran it).
	 */
	public void runFor(long micros) {
		long end = clock.micros() + micros;
		while (!reset && !interrupted) {
			fireDueTimers();
			hostIo.drainInto(tasks);
			betweenTasks.run();
			Optional<Task> next = tasks.next();
			if (next.isPresent()) {
				run(next.get());
				continue;
			}
			Due due = timers.peek();
			long until = due == null ? end : Math.min(end, due.micros());
			if ((hostIo.isActive() || hostIo.hasArrivals()) && until > clock.micros()) {
				// open sockets: a host peer may speak at any moment, so time passes as it does on the host
				clock.advanceBy(hostIo.await(until - clock.micros()));
				continue;
			}
			if (hostIo.awaitArrival()) {
				continue; // an answer the board asked for came while it stood still
			}
			if (due == null || due.micros() > end) {
				clock.advanceTo(end);
				return;
			}
			clock.advanceTo(due.micros());
		}
	}

	private void run(Task task) {
		tasksRun++;
		long start = clock.micros();
		listeners.forEach(l -> l.taskStarted(task.priority(), task.source(), start));
		watchdogFedAt = start;
		running = true;
		current = task;
		boolean timedOut = false;
		try {
			task.body().run();
		} catch (WatchdogTimeout e) {
			timedOut = true;
		} finally {
			running = false;
			current = null;
		}
		TaskRun run = new TaskRun(task.priority(), task.source(), start, clock.micros() - start);
		listeners.forEach(l -> l.taskRan(run));
		if (timedOut) {
			reset = true;
			listeners.forEach(l -> l.watchdogReset(run));
		} else if (run.durationMicros() > LONG_TASK_MICROS) {
			listeners.forEach(l -> l.longTask(run));
		}
	}

	private void fireDueTimers() {
		while (!timers.isEmpty() && timers.peek().micros() <= clock.micros()) {
			Due due = timers.poll();
			due.fire().run();
		}
	}
}
