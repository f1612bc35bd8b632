package pearl.emulator;

/** The SDK's three task priorities; a higher one always runs first. */
public enum Priority {
	/** Background work: the REPL reading its input, node.task.post(0, ...). */
	LOW,
	/** Timer and event callbacks, node.task.post's default. */
	MEDIUM,
	/** Hardware-related tasks, the error reporter, node.task.post(2, ...). */
	HIGH;

	/** The priority {@code node.task.post} numbers as 0, 1, 2. */
	public static Priority ofLevel(int level) {
		return switch (level) {
		case 0 -> LOW;
		case 1 -> MEDIUM;
		case 2 -> HIGH;
		default -> throw new IllegalArgumentException("invalid  priority"); // the firmware's text, two spaces and all
		};
	}
}
