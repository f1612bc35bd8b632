package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.emulator.BoardListener;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.Task;
import pearl.emulator.TaskRun;
import pearl.emulator.TimerMode;

/** Long tasks and the watchdog, in virtual time. */
class WatchdogTest {

	private final Scheduler board = new Scheduler();
	private final List<String> events = new ArrayList<>();

	WatchdogTest() {
		board.addListener(new BoardListener() {
			@Override
			public void taskRan(TaskRun run) {
				events.add("ran " + run.source() + " " + run.durationMicros() / 1000 + " ms");
			}

			@Override
			public void longTask(TaskRun run) {
				events.add("long " + run.source());
			}

			@Override
			public void watchdogReset(TaskRun run) {
				events.add("watchdog " + run.source());
			}
		});
	}

	/** A task that busy-waits {@code millis} in 1 ms steps, feeding the watchdog every {@code feedEvery} ms (0: never). */
	private Task busy(String name, int millis, int feedEvery) {
		return new Task(Priority.MEDIUM, name, () -> {
			for (int ms = 1; ms <= millis; ms++) {
				board.consume(1000);
				if (feedEvery > 0 && ms % feedEvery == 0) {
					board.feedWatchdog();
				}
			}
		});
	}

	@Test
	void everyTaskIsReportedWithItsDuration() {
		board.post(busy("quick", 2, 0));
		board.runFor(0);
		assertEquals(List.of("ran quick 2 ms"), events);
	}

	@Test
	void aTaskOverFifteenMillisecondsIsALongTask() {
		board.post(busy("slow", 20, 0));
		board.runFor(0);
		assertEquals(List.of("ran slow 20 ms", "long slow"), events);
		assertFalse(board.isReset());
	}

	@Test
	void aTaskPastFiveHundredMillisecondsResetsTheBoard() {
		board.post(busy("hog", 2000, 0));
		board.post(busy("never runs", 1, 0));
		int[] ticks = { 0 };
		board.createTimer().alarm(100, TimerMode.AUTO, t -> ticks[0]++);
		board.runFor(10_000_000);
		assertTrue(board.isReset());
		assertEquals(List.of("ran hog 500 ms", "watchdog hog"), events, "the hog is cut off at 500 ms and nothing runs after");
		assertEquals(0, ticks[0]);
	}

	@Test
	void feedingTheWatchdogLetsALongTaskFinish() {
		board.post(busy("fed", 1200, 400));
		board.runFor(0);
		assertFalse(board.isReset());
		assertEquals(List.of("ran fed 1200 ms", "long fed"), events);
	}
}
