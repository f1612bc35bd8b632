package pearl.emulator.net;

/**
 * The lwIP 1.4 error codes the firmware passes to {@code reconnection}/{@code disconnection}
 * callbacks, and the texts it raises them with (nodemcu-api.md 4.5).
 */
public final class LwipErrors {

    /** No error: a normal close. */
    public static final int OK = 0;
    /** Out of memory (a send that does not fit the send buffer). */
    public static final int MEM = -1;
    /** Timeout. */
    public static final int TIMEOUT = -3;
    /** Connection aborted. */
    public static final int ABRT = -10;
    /** Connection reset (also what a refused connection reports). */
    public static final int RST = -11;

    private LwipErrors() {
    }

    /** The text the firmware raises for {@code code}. */
    public static String text(int code) {
        return switch (code) {
        case MEM -> "out of memory";
        case -2 -> "buffer error";
        case TIMEOUT -> "timeout";
        case -4 -> "routing problem";
        case -5 -> "in progress";
        case -6 -> "illegal value";
        case -7 -> "would block";
        case -8 -> "address in use";
        case -9 -> "already connected";
        case ABRT -> "connection aborted";
        case RST -> "connection reset";
        case -12 -> "connection closed";
        case -13 -> "not connected";
        case -14 -> "illegal argument";
        case -15 -> "netif error";
        default -> "unknown error";
        };
    }
}
