package pearl.emulator;

/**
 * A task that ran: for the Scheduler view and the watchdog.
 *
 * @param priority       its queue
 * @param source         what posted it
 * @param startMicros    virtual time it started at
 * @param durationMicros its estimated duration
 */
public record TaskRun(Priority priority, String source, long startMicros, long durationMicros) {
}
