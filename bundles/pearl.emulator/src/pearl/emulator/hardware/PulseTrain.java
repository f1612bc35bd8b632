package pearl.emulator.hardware;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import pearl.emulator.Scheduler;

/**
 * A {@code gpio.pulse} program running on the board's pins in virtual time, as the firmware runs
 * it from the hardware timer's interrupt: on entering a step its pin levels are set at once, and
 * the next step follows after the step's delay to the microsecond. A step with {@code min} /
 * {@code max} has an adjustable delay that absorbs a pending {@link #adjust adjustment} (what does
 * not fit its range is carried on to the next adjustable step). A step with {@code loop} and
 * {@code count} jumps back to step {@code loop} until it has run {@code count} times, then goes on
 * (and is ready to count again when an outer loop comes back to it). The program ends after its
 * last step, or at a {@link #stop stop}, or when {@link #cancel cancelled}.
 */
public final class PulseTrain {

    /** {@link #stopAt}: stop at the next transition, whatever step follows. */
    private static final int NEXT = -2;

    /** The longest delay a step may have, in microseconds (a bit over a minute). */
    public static final long MAX_DELAY_MICROS = 64_000_000;

    /**
     * One step of the program.
     *
     * @param levels the level each pin (NodeMCU index) is set to on entry, -1 where untouched
     * @param delay  microseconds until the next step
     * @param min    the shortest the delay may be adjusted to
     * @param max    the longest the delay may be adjusted to
     * @param count  how often the step runs before its loop is left (0: no loop)
     * @param loop   the 1-based step to go back to (0: no loop)
     */
    public record Step(int[] levels, long delay, long min, long max, long count, int loop) {

        /** Whether {@link #adjust} time may lengthen or shorten this step. */
        boolean adjustable() {
            return min != delay || max != delay;
        }

        boolean loops() {
            return loop > 0 && count > 0;
        }
    }

    /**
     * Where the program is, as {@code getstate} tells it.
     *
     * @param position the 1-based step running now, or 0 when the program is not running
     * @param steps    how many steps have been entered since the start (the current one included)
     * @param offset   microseconds until the next transition; after the end, minus the time since it
     * @param now      the virtual clock, microseconds since power-on
     */
    public record State(int position, long steps, long offset, long now) {
    }

    private final Step[] program;
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final GpioPins pins;
    private final long[] remaining;
    private boolean running;
    private int position;
    private long steps;
    private long nextAt;
    private long pendingAdjust;
    /** The 0-based step at whose entry the program stops; {@link #NEXT} for the next transition; -1 for none. */
    private int stopAt = -1;
    private Consumer<State> onEnd = s -> {
    };
    /** Counts starts and cancels, so that a transition scheduled before them is ignored. */
    private int generation;

    /**
     * A program of {@code steps} (at least one) for {@code pins}, timed by {@code scheduler}.
     *
     * @param clock the virtual clock, up to date inside a task
     */
    public PulseTrain(Step[] steps, Scheduler scheduler, LongSupplier clock, GpioPins pins) {
        this.program = steps.clone();
        this.scheduler = scheduler;
        this.clock = clock;
        this.pins = pins;
        this.remaining = new long[steps.length];
    }

    /** The number of steps. */
    public int length() {
        return program.length;
    }

    /** Whether the program is running. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts from step 1 now, with {@code adjust} microseconds for the adjustable steps;
     * {@code onEnd} hears the state when it ends on its own or at a stop.
     */
    public void start(long adjust, Consumer<State> onEnd) {
        generation++;
        this.onEnd = onEnd;
        pendingAdjust = adjust;
        stopAt = -1;
        steps = 0;
        for (int i = 0; i < program.length; i++) {
            remaining[i] = program[i].count();
        }
        running = true;
        enter(0, clock.getAsLong());
    }

    /**
     * Stops on entry to the 1-based step {@code position} (0: at the next transition); then
     * {@code onStopped} hears the state instead of the start's callback.
     *
     * @return false when the program is not running
     */
    public boolean stop(int position, Consumer<State> onStopped) {
        if (!running) {
            return false;
        }
        stopAt = position > 0 ? position - 1 : NEXT;
        onEnd = onStopped;
        return true;
    }

    /** Stops now, without a callback; returns the state just before. */
    public State cancel() {
        State before = state();
        if (running) {
            generation++;
            running = false;
            nextAt = clock.getAsLong();
        }
        return before;
    }

    /** Replaces the pending adjustment by {@code micros} (negative shortens); returns the state. */
    public State adjust(long micros) {
        pendingAdjust = micros;
        return state();
    }

    /** Replaces the 1-based step {@code position}; a running step keeps the delay it started with. */
    public void update(int position, Step step) {
        program[position - 1] = step;
        if (!running || position - 1 != this.position) {
            remaining[position - 1] = step.count();
        }
    }

    /** Where the program is now. */
    public State state() {
        long now = clock.getAsLong();
        return new State(running ? position + 1 : 0, steps, nextAt - now, now);
    }

    private void enter(int index, long at) {
        if (index >= program.length || index == stopAt || stopAt == NEXT) {
            end(at);
            return;
        }
        Step step = program[index];
        for (int pin = 0; pin < step.levels().length; pin++) {
            if (step.levels()[pin] >= 0) {
                pins.write(pin, step.levels()[pin]);
            }
        }
        position = index;
        steps++;
        nextAt = at + delayOf(step);
        int mine = generation;
        scheduler.at(nextAt, () -> {
            if (mine == generation && running) {
                leave(nextAt);
            }
        });
    }

    /** The current step's delay is over: on to the next step, or back to its loop. */
    private void leave(long at) {
        Step step = program[position];
        int next = position + 1;
        if (step.loops()) {
            if (--remaining[position] > 0) {
                next = step.loop() - 1;
            } else {
                remaining[position] = step.count(); // ready for an outer loop to run it again
            }
        }
        enter(next, at);
    }

    /** The step's delay, an adjustable one taking what it can of the pending adjustment. */
    private long delayOf(Step step) {
        if (!step.adjustable()) {
            return step.delay();
        }
        long wanted = step.delay() + pendingAdjust;
        long actual = Math.max(step.min(), Math.min(step.max(), wanted));
        pendingAdjust = wanted - actual;
        return Math.max(0, actual);
    }

    private void end(long at) {
        running = false;
        generation++;
        nextAt = at;
        onEnd.accept(state());
    }
}
