package pearl.emulator;

/**
 * An error a firmware function raises, with the firmware's own text ("Range: 1-0x68D7A3"); the
 * Lua binding turns it into the Lua error the board shows.
 */
public final class FirmwareError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public FirmwareError(String message) {
		super(message);
	}
}
