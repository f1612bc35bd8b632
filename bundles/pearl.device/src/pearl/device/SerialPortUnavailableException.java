package pearl.device;

import java.io.IOException;

/** The serial port could not be opened; {@link #reason()} says why in terms a user can act on. */
public final class SerialPortUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a port cannot be opened. */
    public enum Reason {
        /** No such device. */
        NO_SUCH_PORT,
        /** Another program has it open. */
        BUSY,
        /** The user may not open it. */
        PERMISSION_DENIED,
        /** Anything else the driver reported. */
        OTHER
    }

    private final Reason reason;

    /** An exception for {@code port} failing for {@code reason}; {@code message} is shown to the user. */
    public SerialPortUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the port could not be opened. */
    public Reason reason() {
        return reason;
    }
}
