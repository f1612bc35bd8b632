package pearl.ui.views;

import java.util.List;

import pearl.emulator.Scheduler;
import pearl.emulator.TaskRun;
import pearl.launch.boards.BoardMonitor;

/**
 * What the Scheduler view's timeline draws: the tasks, watchdog resets and reboots of a window of
 * virtual time that ends at the newest event.
 *
 * @param startMicros window's start
 * @param endMicros   window's end
 * @param runs        tasks that ran (at least partly) in the window, oldest first
 * @param resets      tasks the watchdog stopped in the window
 * @param reboots     reboots in the window
 * @param dropped     events lost in the window
 */
public record Timeline(long startMicros, long endMicros, List<TaskRun> runs, List<TaskRun> resets,
        List<BoardMonitor.Reboot> reboots, List<BoardMonitor.DroppedTask> dropped) {

    /** The last {@code spanMicros} of {@code seen}. */
    static Timeline of(BoardMonitor.Snapshot seen, long spanMicros) {
        long end = Math.max(seen.nowMicros(), spanMicros);
        long start = end - spanMicros;
        return new Timeline(start, end,
                seen.runs().stream().filter(r -> r.startMicros() + r.durationMicros() >= start).toList(),
                seen.watchdogResets().stream().filter(r -> r.startMicros() + r.durationMicros() >= start).toList(),
                seen.reboots().stream().filter(r -> r.micros() >= start).toList(),
                seen.dropped().stream().filter(d -> d.micros() >= start).toList());
    }

    /** The tasks of the window that ran longer than the SDK asks (15 ms). */
    public List<TaskRun> longRuns() {
        return runs.stream().filter(Timeline::isLong).toList();
    }

    /** Whether {@code run} took longer than {@link Scheduler#LONG_TASK_MICROS}. */
    static boolean isLong(TaskRun run) {
        return run.durationMicros() > Scheduler.LONG_TASK_MICROS;
    }
}
