package pearl.device.rom;

/** The flash does not hold what was written, even after rewriting the bad blocks. */
public final class VerificationFailedException extends RomException {

    private static final long serialVersionUID = 1L;

    private final int blockAddress;

    /** An exception naming the region and the first bad block. */
    public VerificationFailedException(String message, int blockAddress) {
        super(message);
        this.blockAddress = blockAddress;
    }

    /** Flash address of the first block that does not verify. */
    public int blockAddress() {
        return blockAddress;
    }
}
