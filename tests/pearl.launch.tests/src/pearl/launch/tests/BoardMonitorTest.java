package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.emulator.BoardListener;
import pearl.emulator.BoardOptions;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.TaskRun;
import pearl.launch.boards.BoardMonitor;
import pearl.launch.boards.BoardMonitor.Snapshot;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;

/** What a launched board's monitor records for the Scheduler and Heap views. */
class BoardMonitorTest {

    /**
     * A ticker every 500 ms that leaks a registered, never started timer each time (its callback
     * stays in the registry); at 2 s one task busy-waits 30 ms; at 3.25 s a task posts three
     * low-priority tasks.
     */
    static final String BUSY = """
            local ticks = 0
            tmr.create():alarm(500, tmr.ALARM_AUTO, function()
              ticks = ticks + 1
              tmr.create():register(1000, tmr.ALARM_SINGLE, function() print(ticks) end)
            end)
            tmr.create():alarm(2000, tmr.ALARM_SINGLE, function()
              local t0 = tmr.now()
              while tmr.now() - t0 < 30000 do end
            end)
            tmr.create():alarm(3250, tmr.ALARM_SINGLE, function()
              for i = 1, 3 do node.task.post(0, function() end) end
            end)
            print("booted")
            """;

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void theMonitorSeesTimerTasksALongTaskTheHeapAndALeak() throws Exception {
        IFile init = Workspaces.project("busy", BUSY);
        AtomicReference<Snapshot> afterPosting = new AtomicReference<>();
        RunningBoards.Listener spy = watchFirstBoard(board -> board.board().addListener(new BoardListener() {
            @Override
            public void taskRan(TaskRun run) {
                // called after the monitor heard the same run: its queues are those the task left
                if (run.priority() == Priority.MEDIUM && run.startMicros() >= 3_200_000 && afterPosting.get() == null) {
                    afterPosting.set(board.monitor().snapshot());
                }
            }
        }));
        RunningBoard board;
        try {
            board = runToEnd(init, "20s");
        } finally {
            RunningBoards.get().removeListener(spy);
        }
        Snapshot seen = board.monitor().snapshot();

        List<TaskRun> timers = seen.runs().stream().filter(r -> r.source().equals("tmr callback")).toList();
        // 39 ticks (at 0.5 s to 19.5 s), the busy task and the posting task
        assertEquals(41, timers.size(), timers.toString());
        assertEquals("boot", seen.runs().get(0).source());
        List<TaskRun> ticks = timers.stream().filter(r -> r.durationMicros() <= Scheduler.LONG_TASK_MICROS).toList();
        assertEquals(40, ticks.size(), "one long task: " + timers);
        for (TaskRun tick : ticks) {
            assertTrue(tick.durationMicros() > 0 && tick.durationMicros() < 2_000, "a tick costs micro-seconds: " + tick);
        }
        assertEquals(500_000, ticks.get(1).startMicros() - ticks.get(0).startMicros(), 1_000, ticks.toString());

        TaskRun busy = timers.stream().filter(r -> r.durationMicros() > Scheduler.LONG_TASK_MICROS).findFirst().orElseThrow();
        assertTrue(busy.durationMicros() >= 30_000 && busy.durationMicros() < 40_000, busy.toString());
        assertEquals(2_000_000, busy.startMicros(), 100_000, busy.toString());
        assertEquals(1, seen.longTasks());
        assertEquals(seen.runs().size(), seen.tasksRun());
        assertTrue(seen.watchdogResets().isEmpty() && seen.reboots().isEmpty(), seen.reboots().toString());

        List<BoardMonitor.WaitingTask> low = afterPosting.get().queues().get(Priority.LOW);
        assertEquals(3, low.size(), afterPosting.get().queues().toString());
        assertEquals("node.task.post", low.get(0).source());
        assertTrue(afterPosting.get().queues().get(Priority.HIGH).isEmpty());
        assertEquals(3, seen.runs().stream().filter(r -> r.priority() == Priority.LOW).count());
        assertTrue(seen.queues().values().stream().allMatch(List::isEmpty), "nothing waits at the end: " + seen.queues());

        assertEquals(BoardOptions.DEFAULT_HEAP, seen.heapBudget());
        assertTrue(seen.heap().size() > 20, "a sample a tick or so: " + seen.heap().size());
        for (BoardMonitor.HeapSample sample : seen.heap()) {
            assertTrue(sample.freeBytes() > 0 && sample.freeBytes() <= seen.heapBudget(), sample.toString());
            assertTrue(sample.used().tables() > 0 && sample.used().functions() > 0, sample.toString());
        }
        assertTrue(seen.lastHeap().micros() > 19_000_000, seen.lastHeap().toString());
        assertTrue(seen.lastHeap().freeBytes() < seen.heap().get(0).freeBytes(), "the leak costs heap");
        int first = seen.registry().get(0).entries();
        assertTrue(seen.registryEntries() >= first + 35, "a leaked callback per tick: " + first + " -> " + seen.registryEntries());
        assertTrue(seen.nowMicros() >= 19_500_000, "history reaches the end of the run: " + seen.nowMicros());
    }

    @Test
    void anEndlessLoopIsAWatchdogResetAndAReboot() throws Exception {
        IFile init = Workspaces.project("endless", """
                print("up")
                tmr.create():alarm(1000, tmr.ALARM_SINGLE, function() while true do end end)
                """);
        RunningBoard board = runToEnd(init, "20s");
        Snapshot seen = board.monitor().snapshot();
        // three resets in a row and the board gives up: a reboot loop
        assertEquals(3, seen.watchdogResets().size(), seen.watchdogResets().toString());
        TaskRun reset = seen.watchdogResets().get(0);
        assertEquals("tmr callback", reset.source());
        assertEquals(Scheduler.WATCHDOG_MICROS, reset.durationMicros());
        assertTrue(seen.runs().contains(reset), "the reset task is on the timeline too");
        assertFalse(seen.reboots().isEmpty());
        BoardMonitor.Reboot reboot = seen.reboots().get(0);
        assertEquals("watchdog reset", reboot.reason());
        assertEquals(reset.startMicros() + reset.durationMicros(), reboot.micros());
        assertEquals(3, seen.reboots().size(), seen.reboots().toString());
    }

    /** Launches {@code init}'s project in run mode and waits for the run to end; its board. */
    private static RunningBoard runToEnd(IFile init, String runLength) throws Exception {
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), runLength, false).launch(ILaunchManager.RUN_MODE, null);
            events.await(DebugEvent.TERMINATE, -1, launch.getProcesses()[0]);
            return RunningBoards.get().all().stream().filter(b -> b.launch() == launch).findFirst().orElseThrow();
        }
    }

    /** Has {@code action} run on the first board launched from now on, before it boots. */
    private static RunningBoards.Listener watchFirstBoard(java.util.function.Consumer<RunningBoard> action) {
        RunningBoards.Listener listener = new RunningBoards.Listener() {
            private boolean done;

            @Override
            public synchronized void added(RunningBoard board) {
                if (!done) {
                    done = true;
                    action.accept(board);
                }
            }

            @Override
            public void removed(RunningBoard board) {
            }
        };
        RunningBoards.get().addListener(listener);
        return listener;
    }
}
