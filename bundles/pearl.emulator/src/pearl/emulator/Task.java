package pearl.emulator;

/**
 * One SDK task: a piece of work that runs to completion once it starts.
 *
 * @param priority the queue it waits in
 * @param source   what posted it, for the Scheduler view ("tmr callback", "node.task.post", ...)
 * @param body     the work
 */
public record Task(Priority priority, String source, Runnable body) {
}
