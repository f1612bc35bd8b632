package pearl.emulator;

/** Hears what the board's scheduler does; every method defaults to doing nothing. */
public interface BoardListener {

	/** A task is starting at {@code micros} of virtual time. */
	default void taskStarted(Priority priority, String source, long micros) {
	}

	/** A file on the board's SPIFFS was created, written, removed or renamed. */
	default void fileChanged(String name) {
	}

	/** How many references the Lua registry holds (callbacks, anchored objects): the FAQ's leak signal. */
	default void registrySize(int entries) {
	}

	/** An event's task was lost because its priority's queue was full (8 tasks). */
	default void taskDropped(Priority priority, String source, long micros) {
	}

	/** A task ran to completion. */
	default void taskRan(TaskRun run) {
	}

	/** A task took longer than the SDK asks for ({@link Scheduler#LONG_TASK_MICROS}); WiFi and the network may fail. */
	default void longTask(TaskRun run) {
	}

	/** A task ran past {@link Scheduler#WATCHDOG_MICROS} without feeding the watchdog: the chip resets. */
	default void watchdogReset(TaskRun run) {
	}

	/** Bytes the board wrote to UART0, as they appear on the wire ({@code \r\n} line ends). */
	default void uartOutput(String bytes) {
	}

	/** The board is rebooting; {@code reason} says why ("node.restart()", "watchdog reset", ...). */
	default void rebooting(String reason) {
	}

	/** The board keeps rebooting for the same cause; the run stops. */
	default void rebootLoop(String cause) {
	}

	/**
	 * Whether this listener wants {@link #heapSample} and {@link #registrySize}: measuring the heap
	 * walks every live object, so the board does it only for listeners that ask.
	 */
	default boolean wantsHeapSamples() {
		return false;
	}

	/** How the Lua heap stands after a task (sampled, at most every 100 ms of virtual time). */
	default void heapSample(HeapBreakdown used, long freeBytes) {
	}

	/**
	 * A server on the board listens on {@code boardPort} ({@code "tcp"} or {@code "udp"}); the host
	 * reaches it at {@code host} (loopback, a free port).
	 */
	default void portMapped(String protocol, int boardPort, java.net.InetSocketAddress host) {
	}
}
