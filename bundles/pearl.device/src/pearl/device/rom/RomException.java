package pearl.device.rom;

import java.io.IOException;

/** A failure talking to the ROM loader; the message is meant for the user. */
public class RomException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with a user-facing message. */
    public RomException(String message) {
        super(message);
    }
}
