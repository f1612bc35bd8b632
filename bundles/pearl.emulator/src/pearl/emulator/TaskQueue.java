package pearl.emulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's task queues: one per priority, {@value #CAPACITY} tasks each (the firmware's
 * TASK_DEFAULT_QUEUE_LEN), first in first out within a priority. A post to a full queue fails.
 */
public final class TaskQueue {

	/** Tasks one priority's queue holds. */
	public static final int CAPACITY = 8;

	private final Map<Priority, ArrayDeque<Task>> queues = new EnumMap<>(Priority.class);

	public TaskQueue() {
		for (Priority priority : Priority.values()) {
			queues.put(priority, new ArrayDeque<>(CAPACITY));
		}
	}

	/** Queues {@code task}; false when its priority's queue is full (the firmware's "Task queue overflow"). */
	public boolean post(Task task) {
		ArrayDeque<Task> queue = queues.get(task.priority());
		if (queue.size() >= CAPACITY) {
			return false;
		}
		queue.addLast(task);
		return true;
	}

	/** Takes the task that runs next: the oldest of the highest priority waiting. */
	public Optional<Task> next() {
		for (Priority priority : new Priority[] { Priority.HIGH, Priority.MEDIUM, Priority.LOW }) {
			Task task = queues.get(priority).pollFirst();
			if (task != null) {
				return Optional.of(task);
			}
		}
		return Optional.empty();
	}

	/** Tasks waiting at {@code priority}. */
	public int waiting(Priority priority) {
		return queues.get(priority).size();
	}

	/** The tasks waiting at {@code priority}, the next to run first. */
	public java.util.List<Task> waitingTasks(Priority priority) {
		return java.util.List.copyOf(queues.get(priority));
	}

	/** Whether no task waits. */
	public boolean isEmpty() {
		return queues.values().stream().allMatch(ArrayDeque::isEmpty);
	}
}
