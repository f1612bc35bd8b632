package pearl.device.rom;

import java.io.IOException;

/**
 * The DTR/RTS dance that resets a NodeMCU devkit into the ROM loader. On these boards DTR drives
 * GPIO0 and RTS drives EN through two transistors, so GPIO0 must be low while EN rises. On a
 * board without the circuit (or a pseudo-terminal) the lines do nothing and the user holds FLASH.
 */
public final class BootloaderReset {

    private final long resetDelayMillis;

    /** A reset waiting {@code resetDelayMillis} after releasing EN before releasing GPIO0 (50 ms or 550 ms). */
    public BootloaderReset(long resetDelayMillis) {
        this.resetDelayMillis = resetDelayMillis;
    }

    /** The delay for the {@code attempt}th try: alternating short and long, as some boards need longer. */
    public static BootloaderReset forAttempt(int attempt) {
        return new BootloaderReset(attempt % 2 == 0 ? 50 : 550);
    }

    /**
     * Resets into the bootloader: EN low with GPIO0 high for 100 ms, then GPIO0 low as EN is
     * released, wait, release GPIO0.
     */
    public void enterBootloader(SerialLine line) throws IOException {
        line.setDtr(false);
        line.setRts(true);
        sleep(100);
        line.setDtr(true);
        line.setRts(false);
        sleep(resetDelayMillis);
        line.setDtr(false);
    }

    /** Pulses EN low for 100 ms with GPIO0 high, so the chip boots the firmware just written. */
    public static void hardReset(SerialLine line) throws IOException {
        line.setDtr(false);
        line.setRts(true);
        sleep(100);
        line.setRts(false);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during reset", e);
        }
    }
}
