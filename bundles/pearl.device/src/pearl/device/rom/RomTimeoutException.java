package pearl.device.rom;

/** The loader did not answer a command in time. */
public final class RomTimeoutException extends RomException {

    private static final long serialVersionUID = 1L;

    /** An exception for {@code command} unanswered on {@code port}. */
    public RomTimeoutException(RomCommand command, String port, long millis) {
        super("no answer to " + command + " from " + port + " within " + millis + " ms");
    }
}
