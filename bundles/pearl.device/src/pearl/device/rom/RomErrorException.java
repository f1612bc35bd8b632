package pearl.device.rom;

/** The loader answered a command with a failure status. */
public final class RomErrorException extends RomException {

    private static final long serialVersionUID = 1L;

    private final int error;

    /** An exception for {@code command} failing with the loader's {@code error} code. */
    public RomErrorException(RomCommand command, int error) {
        super(String.format("%s failed: %s (0x%02X)", command, RomResponse.describeError(error), error));
        this.error = error;
    }

    /** The loader's error code. */
    public int error() {
        return error;
    }
}
