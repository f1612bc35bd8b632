package pearl.emulator;

import java.util.function.Consumer;

/**
 * A timer from {@code tmr.create()}, with the object API's rules: registering does not start
 * it, starting a running timer does nothing unless asked to restart, an {@code ALARM_SINGLE}
 * timer is unregistered before its callback runs, an {@code ALARM_SEMI} timer waits to be started
 * again, an {@code ALARM_AUTO} timer fires every interval until stopped.
 */
public final class BoardTimer {

	/** The longest interval, 0x68D7A3 ms (1:54:30.947). */
	public static final long MAX_INTERVAL_MS = 0x68D7A3;

	/** What {@link #state()} tells: running or not, and the mode. */
	public record State(boolean running, TimerMode mode) {
	}

	private final Scheduler scheduler;
	private long intervalMs;
	private TimerMode mode;
	private Consumer<BoardTimer> callback;
	private boolean running;
	/** Changes whenever the timer is armed or disarmed, so stale firings are recognized. */
	private long generation;
	private long dueMicros;
	private String origin;

	BoardTimer(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** {@code t:register(ms, mode, fn)}: stores interval, mode and callback; disarms a running timer. */
	public void register(long intervalMs, TimerMode mode, Consumer<BoardTimer> callback) {
		checkInterval(intervalMs);
		if (callback == null) {
			throw new FirmwareError("Must be function");
		}
		disarm();
		this.intervalMs = intervalMs;
		this.mode = mode;
		this.callback = callback;
	}

	/** Where the Lua code registered this timer ({@code init.lua:12}), for the debugger's task frame. */
	public void setOrigin(String where) {
		this.origin = where;
	}

	/** {@code t:start([restart])}: true if it was (re)started, false if already running and not to restart, or unregistered. */
	public boolean start(boolean restart) {
		if (callback == null || running && !restart) {
			return false;
		}
		arm();
		return true;
	}

	/** {@code t:alarm(ms, mode, fn)}: register and start; restarts a running timer. */
	public boolean alarm(long intervalMs, TimerMode mode, Consumer<BoardTimer> callback) {
		register(intervalMs, mode, callback);
		return start(true);
	}

	/** {@code t:stop()}: true if it was running; the registration stays. */
	public boolean stop() {
		boolean wasRunning = running;
		disarm();
		return wasRunning;
	}

	/** {@code t:unregister()}: stops the timer and drops its callback, so it can be collected. */
	public void unregister() {
		disarm();
		callback = null;
		mode = null;
	}

	/** {@code t:interval(ms)}: a new interval, re-arming a running timer; ignored when unregistered. */
	public void interval(long intervalMs) {
		checkInterval(intervalMs);
		if (callback == null) {
			return;
		}
		this.intervalMs = intervalMs;
		if (running) {
			arm();
		}
	}

	/** {@code t:state()}: running and mode, or null when unregistered. */
	public State state() {
		return callback == null ? null : new State(running, mode);
	}

	/** Whether it is registered (holds a callback); a registered, running timer is anchored in the registry. */
	public boolean isRegistered() {
		return callback != null;
	}

	private static void checkInterval(long intervalMs) {
		if (intervalMs < 1 || intervalMs > MAX_INTERVAL_MS) {
			throw new FirmwareError("Range: 1-0x68D7A3");
		}
	}

	private void arm() {
		running = true;
		generation++;
		dueMicros = scheduler.clock().micros() + intervalMs * 1000;
		scheduler.schedule(this, dueMicros, generation);
	}

	private void disarm() {
		running = false;
		generation++;
	}

	/** Called by the scheduler when a due time it was given comes. */
	void due(long firedGeneration) {
		if (firedGeneration != generation || !running) {
			return; // disarmed or re-armed since
		}
		Consumer<BoardTimer> fire = callback;
		switch (mode) {
		case SINGLE -> unregister(); // before the callback runs, as the firmware does
		case SEMI -> disarm();
		case AUTO -> {
			generation++;
			dueMicros += intervalMs * 1000; // the period does not drift with the callback's duration
			scheduler.schedule(this, dueMicros, generation);
		}
		}
		scheduler.postOrDrop(new Task(Priority.MEDIUM, "tmr callback", () -> fire.accept(this),
				origin == null ? null : "timer armed at " + origin));
	}
}
