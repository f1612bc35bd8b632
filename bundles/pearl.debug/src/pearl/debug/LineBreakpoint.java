package pearl.debug;

/**
 * A line breakpoint as the client set it and where it landed.
 *
 * @param id            the id the client knows it by
 * @param requestedLine the line the user clicked
 * @param line          the line with code it stops at, or -1 when it cannot stop anywhere
 * @param condition     a Lua expression that must be true to stop, or null
 * @param hits          when the hit count stops, or null
 * @param logMessage    a logpoint's message ({@code {expr}} parts evaluated), or null to stop
 * @param problem       why it is not verified, or null
 */
public record LineBreakpoint(int id, int requestedLine, int line, String condition, HitCondition hits, String logMessage,
        String problem) {

    /** Whether it can stop: it sits on a line with code. */
    public boolean verified() {
        return line > 0 && problem == null;
    }
}
