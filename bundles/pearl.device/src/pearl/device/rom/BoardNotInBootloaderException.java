package pearl.device.rom;

/** No SYNC was answered: the chip is running its firmware, or not connected, or not reset into the loader. */
public final class BoardNotInBootloaderException extends RomException {

    private static final long serialVersionUID = 1L;

    /** An exception for {@code port}. */
    public BoardNotInBootloaderException(String port, int attempts) {
        super("board not in bootloader: no answer to SYNC on " + port + " after " + attempts
                + " reset attempts. Hold the FLASH (GPIO0) button while pressing RST, or check the cable and port.");
    }
}
