package pearl.device.repl;

/**
 * The NodeMCU FAQ's recovery from a reboot loop, done for the user: reset the board, and in the
 * short window after each boot when the prompt takes input (after init.lua has armed what will
 * crash it, before it crashes) get {@code init.lua} renamed, so the next boot stays at the
 * prompt. The rename line is sent again and again until the board confirms it, so it lands in
 * whichever window comes first.
 */
public final class RebootRescue {

    /** What init.lua becomes: still Lua, still on the board, no longer run at boot. */
    public static final String RENAMED = "init-rescued.lua";

    private static final int RETRY_MILLIS = 150;

    /** How the rescue ended. */
    public enum Result {
        /** init.lua was renamed to {@link #RENAMED}. */
        RENAMED,
        /** The board answered and had no init.lua. */
        NO_INIT
    }

    private RebootRescue() {
    }

    /**
     * Resets the board on {@code link} and renames its {@code init.lua}.
     *
     * @throws DeviceException {@link DeviceException.Kind#NO_PROMPT} when no window opened in {@code millis}
     */
    public static Result rescue(Link link, int millis) throws DeviceException {
        ReplSession session = new ReplSession(link);
        // a real board restarts now; an emulated one (a pty) rescues in its next window anyway
        link.pulseReset();
        String line = "if file.exists(\"init.lua\") then file.remove(\"" + RENAMED + "\") print(\"pearl-\"..\"rescue\","
                + "file.rename(\"init.lua\",\"" + RENAMED + "\")) else print(\"pearl-\"..\"rescue\",\"none\") end";
        String[] answers = { "pearl-rescue\ttrue", "pearl-rescue\tnone" };
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            // first a line that ends whatever half line or unfinished chunk the board holds
            session.sendLine(ReplSession.ESCAPE_LINE);
            session.sendLine(line);
            int seen = session.awaitAny(answers, RETRY_MILLIS);
            if (seen >= 0) {
                return seen == 0 ? Result.RENAMED : Result.NO_INIT;
            }
        }
        throw new DeviceException(DeviceException.Kind.NO_PROMPT, "no window to rescue the board in " + millis / 1000
                + " s: it never took a line at its prompt (an init.lua that loops without returning "
                + "needs the firmware flashed again)");
    }
}
