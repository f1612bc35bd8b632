package pearl.emulator;

/**
 * One SDK task: a piece of work that runs to completion once it starts.
 *
 * @param priority the queue it waits in
 * @param source   what posted it, for the Scheduler view ("tmr callback", "node.task.post", ...)
 * @param body     the work
 * @param origin   where in the Lua code the event was set up ("init.lua:12", the line that armed
 *                 the timer), or null when not known
 */
public record Task(Priority priority, String source, Runnable body, String origin) {

    /** A task whose origin is not known. */
    public Task(Priority priority, String source, Runnable body) {
        this(priority, source, body, null);
    }
}
