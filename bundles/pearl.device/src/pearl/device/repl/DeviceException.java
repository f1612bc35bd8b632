package pearl.device.repl;

import java.io.IOException;

/** Talking to a board went wrong; {@link #kind()} says how, the message says it for the user. */
public final class DeviceException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (exit codes, retries). */
    public enum Kind {
        /** The port does not exist. */
        NO_SUCH_PORT,
        /** Another program holds the port. */
        PORT_BUSY,
        /** The port failed while in use (unplugged, closed). */
        IO,
        /** The board does not answer at the Lua prompt. */
        NO_PROMPT,
        /** The board rebooted in the middle of a command. */
        REBOOTED,
        /** A Lua command failed on the board; the message carries the board's words. */
        COMMAND_FAILED,
        /** The bytes on the board are not the bytes sent. */
        VERIFICATION_FAILED
    }

    private final Kind kind;

    /** A failure of {@code kind}. */
    public DeviceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A failure of {@code kind} caused by {@code cause}. */
    public DeviceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
