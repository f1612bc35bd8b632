package pearl.device.rom;

/** Hears how a flash write goes, block by block. All methods but {@link #blockWritten} are optional. */
public interface FlashProgress {

    /** Hears nothing. */
    FlashProgress NONE = (image, block, blocks) -> {
    };

    /** The region for {@code image} has been erased and its {@code blocks} blocks are about to be sent. */
    default void regionStarted(FlashImage image, int blocks) {
    }

    /** Block {@code block} (0-based) of {@code blocks} was accepted by the loader. */
    void blockWritten(FlashImage image, int block, int blocks);

    /** Block {@code block} is being sent again because of {@code why}. */
    default void blockRetried(FlashImage image, int block, String why) {
    }

    /** The flash MD5 of the region matched the data sent. */
    default void regionVerified(FlashImage image) {
    }

    /** The sector at {@code address} did not verify and was written again. */
    default void sectorRewritten(FlashImage image, int address) {
    }

    /** The flasher stub is being loaded into RAM to verify what the ROM cannot, because of {@code why}. */
    default void stubStarting(String why) {
    }

    /** The loader cannot hash flash and no stub could do it, so nothing could be verified. */
    default void verificationUnavailable(String why) {
    }
}
