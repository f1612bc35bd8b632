package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.emulator.BoardTimer;
import pearl.emulator.FirmwareError;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.Task;
import pearl.emulator.TaskQueue;
import pearl.emulator.TimerMode;

class SchedulerTest {

	private static final long SECOND = 1_000_000;

	private final Scheduler board = new Scheduler();
	private final List<String> log = new ArrayList<>();

	private Task task(Priority priority, String name) {
		return new Task(priority, "test", () -> log.add(name));
	}

	@Test
	void higherPrioritiesRunFirstAndEachQueueIsFirstInFirstOut() {
		board.post(task(Priority.LOW, "low"));
		board.post(task(Priority.MEDIUM, "medium 1"));
		board.post(task(Priority.HIGH, "high"));
		board.post(task(Priority.MEDIUM, "medium 2"));
		board.runFor(0);
		assertEquals(List.of("high", "medium 1", "medium 2", "low"), log);
	}

	@Test
	void eachPriorityQueuesEightTasksAtMost() {
		for (int i = 0; i < TaskQueue.CAPACITY; i++) {
			assertTrue(board.post(task(Priority.MEDIUM, "m" + i)));
		}
		assertFalse(board.post(task(Priority.MEDIUM, "one too many")), "Task queue overflow");
		assertTrue(board.post(task(Priority.LOW, "another queue")));
	}

	@Test
	void aTaskRunsToCompletionBeforeWhatItPosts() {
		board.post(new Task(Priority.LOW, "test", () -> {
			board.post(task(Priority.HIGH, "posted"));
			log.add("poster done");
		}));
		board.runFor(0);
		assertEquals(List.of("poster done", "posted"), log);
	}

	@Test
	void node_task_postNumbersItsPriorities() {
		assertEquals(Priority.LOW, Priority.ofLevel(0));
		assertEquals(Priority.HIGH, Priority.ofLevel(2));
		assertEquals("invalid  priority", assertThrows(IllegalArgumentException.class, () -> Priority.ofLevel(3)).getMessage());
	}

	@Test
	void aDayOfASecondTimerPassesInVirtualTime() {
		int[] ticks = { 0 };
		board.createTimer().alarm(1000, TimerMode.AUTO, t -> ticks[0]++);
		board.runFor(24 * 3600 * SECOND);
		assertEquals(24 * 3600, ticks[0]);
		assertEquals(24 * 3600 * SECOND, board.clock().micros());
	}

	@Test
	void aSingleTimerIsUnregisteredBeforeItsCallbackRuns() {
		BoardTimer timer = board.createTimer();
		Object[] stateInside = { "not called" };
		timer.alarm(500, TimerMode.SINGLE, t -> stateInside[0] = t.state());
		board.runFor(SECOND);
		assertNull(stateInside[0], "state() is nil inside an ALARM_SINGLE callback");
		assertFalse(timer.isRegistered());
	}

	@Test
	void aSemiTimerWaitsToBeStartedAgain() {
		BoardTimer timer = board.createTimer();
		int[] ticks = { 0 };
		timer.alarm(100, TimerMode.SEMI, t -> ticks[0]++);
		board.runFor(SECOND);
		assertEquals(1, ticks[0]);
		assertEquals(new BoardTimer.State(false, TimerMode.SEMI), timer.state());
		assertTrue(timer.start(false));
		board.runFor(SECOND);
		assertEquals(2, ticks[0]);
	}

	@Test
	void anAutoTimerFiresUntilStopped() {
		BoardTimer timer = board.createTimer();
		int[] ticks = { 0 };
		timer.register(250, TimerMode.AUTO, t -> {
			if (++ticks[0] == 3) {
				t.stop();
			}
		});
		board.runFor(10 * SECOND);
		assertEquals(0, ticks[0], "register does not start");
		assertTrue(timer.start(false));
		assertFalse(timer.start(false), "already running");
		assertTrue(timer.start(true), "restart");
		board.runFor(10 * SECOND);
		assertEquals(3, ticks[0]);
		assertFalse(timer.stop(), "already stopped");
	}

	@Test
	void aLongTaskDelaysTheTimersDueMeanwhile() {
		List<Long> firedAt = new ArrayList<>();
		board.createTimer().alarm(10, TimerMode.SINGLE, t -> firedAt.add(board.clock().micros()));
		board.post(new Task(Priority.MEDIUM, "busy", () -> board.consume(50_000)));
		board.runFor(SECOND);
		assertEquals(List.of(50_000L), firedAt, "the callback waits for the running task to finish");
	}

	@Test
	void intervalsAndModesAreCheckedWithTheFirmwaresMessages() {
		BoardTimer timer = board.createTimer();
		assertEquals("Range: 1-0x68D7A3", assertThrows(FirmwareError.class, () -> timer.register(0, TimerMode.AUTO, t -> { })).getMessage());
		assertThrows(FirmwareError.class, () -> timer.alarm(BoardTimer.MAX_INTERVAL_MS + 1, TimerMode.AUTO, t -> { }));
		assertEquals("Invalid mode", assertThrows(FirmwareError.class, () -> TimerMode.of(3)).getMessage());
		timer.register(BoardTimer.MAX_INTERVAL_MS, TimerMode.AUTO, t -> { });
	}

	@Test
	void tmrNowWrapsAtThirtyOneBits() {
		board.runFor(0x7FFF_FFFFL + 5);
		assertEquals(4, board.clock().tmrNow());
	}
}
