package pearl.launch.boards;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.HeapBreakdown;
import pearl.emulator.Priority;
import pearl.emulator.Task;
import pearl.emulator.TaskRun;

/**
 * What an emulated board did lately, for the Scheduler and Heap views: the tasks that ran (long
 * ones and watchdog resets among them), dropped events, heap and registry samples, reboots, and
 * the task queues as they stood after the last task. It hears the board on the board's thread and
 * hands {@link #snapshot() snapshots} to any other thread.
 * <p>
 * Memory is bounded: it keeps the newest {@value #MAX_TASKS} task runs, {@value #MAX_SAMPLES} heap
 * and registry samples (a sample is taken at most every 100 ms of virtual time, so about eight
 * minutes of them) and {@value #MAX_EVENTS} reboots, watchdog resets and dropped events each;
 * counters go on counting past those windows.
 */
public final class BoardMonitor implements BoardListener {

    /** Task runs kept. */
    public static final int MAX_TASKS = 5000;
    /** Heap samples (and registry samples) kept. */
    public static final int MAX_SAMPLES = 5000;
    /** Reboots, watchdog resets and dropped events kept, each. */
    public static final int MAX_EVENTS = 500;

    /** Free heap at a moment of virtual time, with where the used part goes. */
    public record HeapSample(long micros, long freeBytes, HeapBreakdown used) {
    }

    /** How many references the Lua registry held at a moment of virtual time. */
    public record RegistrySample(long micros, int entries) {
    }

    /** A reboot: when, and why ("watchdog reset", "node.restart()", ...). */
    public record Reboot(long micros, String reason) {
    }

    /** An event whose task was lost because its queue was full. */
    public record DroppedTask(Priority priority, String source, long micros) {
    }

    /** A task waiting in a queue: what posted it and where in the Lua code it was set up (or null). */
    public record WaitingTask(String source, String origin) {
    }

    /**
     * Everything the monitor knows, copied at one moment.
     *
     * @param nowMicros        virtual time of the newest event heard
     * @param heapBudget       bytes of Lua heap free at boot (the board's budget)
     * @param runs             task runs, oldest first
     * @param watchdogResets   the tasks the watchdog stopped, oldest first
     * @param dropped          lost events, oldest first
     * @param heap             heap samples, oldest first
     * @param registry         registry samples, oldest first
     * @param reboots          reboots, oldest first
     * @param queues           the tasks waiting in each queue, next to run first
     * @param running          the task running now (null between tasks)
     * @param tasksRun         tasks run since the monitor started, in all
     * @param longTasks        tasks past {@link pearl.emulator.Scheduler#LONG_TASK_MICROS}, in all
     */
    public record Snapshot(long nowMicros, long heapBudget, List<TaskRun> runs, List<TaskRun> watchdogResets,
            List<DroppedTask> dropped, List<HeapSample> heap, List<RegistrySample> registry, List<Reboot> reboots,
            Map<Priority, List<WaitingTask>> queues, WaitingTask running, long tasksRun, long longTasks) {

        /** The newest heap sample, or null before the first. */
        public HeapSample lastHeap() {
            return heap.isEmpty() ? null : heap.get(heap.size() - 1);
        }

        /** The newest registry size, or -1 before the first sample. */
        public int registryEntries() {
            return registry.isEmpty() ? -1 : registry.get(registry.size() - 1).entries();
        }
    }

    private final Board board;
    private final ArrayDeque<TaskRun> runs = new ArrayDeque<>();
    private final ArrayDeque<TaskRun> watchdogResets = new ArrayDeque<>();
    private final ArrayDeque<DroppedTask> dropped = new ArrayDeque<>();
    private final ArrayDeque<HeapSample> heap = new ArrayDeque<>();
    private final ArrayDeque<RegistrySample> registry = new ArrayDeque<>();
    private final ArrayDeque<Reboot> reboots = new ArrayDeque<>();
    private Map<Priority, List<WaitingTask>> queues = emptyQueues();
    private WaitingTask running;
    private long nowMicros;
    private long tasksRun;
    private long longTasks;

    /** A monitor of {@code board}; it hears nothing until added as the board's listener. */
    public BoardMonitor(Board board) {
        this.board = board;
    }

    /** Starts monitoring {@code board}, before it boots so that history starts there. */
    public static BoardMonitor attach(Board board) {
        BoardMonitor monitor = new BoardMonitor(board);
        board.addListener(monitor);
        return monitor;
    }

    /** A copy of what it knows now; safe from any thread. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(nowMicros, board.options().heapBytes(), List.copyOf(runs), List.copyOf(watchdogResets),
                List.copyOf(dropped), List.copyOf(heap), List.copyOf(registry), List.copyOf(reboots), queues, running,
                tasksRun, longTasks);
    }

    // ------------------------------------------------------------------ the board's thread

    @Override
    public void taskStarted(Priority priority, String source, long micros) {
        Map<Priority, List<WaitingTask>> waiting = waitingNow();
        synchronized (this) {
            running = new WaitingTask(source, null); // the scheduler has not made it current yet: origin unknown
            queues = waiting;
            nowMicros = Math.max(nowMicros, micros);
        }
    }

    @Override
    public void taskRan(TaskRun run) {
        Map<Priority, List<WaitingTask>> waiting = waitingNow();
        synchronized (this) {
            running = null;
            queues = waiting;
            tasksRun++;
            if (run.durationMicros() > pearl.emulator.Scheduler.LONG_TASK_MICROS) {
                longTasks++;
            }
            add(runs, run, MAX_TASKS);
            nowMicros = Math.max(nowMicros, run.startMicros() + run.durationMicros());
        }
    }

    @Override
    public synchronized void watchdogReset(TaskRun run) {
        add(watchdogResets, run, MAX_EVENTS);
    }

    @Override
    public synchronized void taskDropped(Priority priority, String source, long micros) {
        add(dropped, new DroppedTask(priority, source, micros), MAX_EVENTS);
    }

    @Override
    public void rebooting(String reason) {
        long micros = board.clockMicros();
        synchronized (this) {
            add(reboots, new Reboot(micros, reason), MAX_EVENTS);
            queues = emptyQueues(); // a reset empties the queues
            running = null;
            nowMicros = Math.max(nowMicros, micros);
        }
    }

    @Override
    public boolean wantsHeapSamples() {
        return true;
    }

    @Override
    public void heapSample(HeapBreakdown used, long freeBytes) {
        long micros = board.clockMicros();
        synchronized (this) {
            add(heap, new HeapSample(micros, freeBytes, used), MAX_SAMPLES);
        }
    }

    @Override
    public void registrySize(int entries) {
        long micros = board.clockMicros();
        synchronized (this) {
            add(registry, new RegistrySample(micros, entries), MAX_SAMPLES);
        }
    }

    private Map<Priority, List<WaitingTask>> waitingNow() {
        Map<Priority, List<WaitingTask>> now = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            List<WaitingTask> list = new ArrayList<>();
            for (Task t : board.scheduler().tasks().waitingTasks(p)) {
                list.add(new WaitingTask(t.source(), t.origin()));
            }
            now.put(p, List.copyOf(list));
        }
        return Collections.unmodifiableMap(now);
    }

    private static Map<Priority, List<WaitingTask>> emptyQueues() {
        Map<Priority, List<WaitingTask>> none = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            none.put(p, List.of());
        }
        return Collections.unmodifiableMap(none);
    }

    private static <T> void add(ArrayDeque<T> history, T item, int max) {
        if (history.size() == max) {
            history.removeFirst();
        }
        history.addLast(item);
    }
}
