package pearl.device.rom;

import java.io.IOException;
import java.util.List;

/**
 * A whole firmware flash as a user asks for it, for the command line and the IDE alike: open the
 * port, reset the board into the ROM loader, identify the chip, try the speed asked for, write
 * and verify the images, and reboot into the new firmware.
 */
public final class FirmwareFlasher {

    /** Hears the steps of a flash, on top of its blocks ({@link FlashProgress}). All optional. */
    public interface Listener extends FlashProgress {

        @Override
        default void blockWritten(FlashImage image, int block, int blocks) {
        }

        /** The port is open and the board is being reset into its loader. */
        default void connecting(String port) {
        }

        /** The loader answered and the chip is identified. */
        default void identified(ChipInfo chip) {
        }

        /** The line now runs at {@code baud}. */
        default void speedChanged(int baud) {
        }

        /** The loader cannot change speed; the line stays at {@code baud}. */
        default void speedKept(int baud) {
        }

        /** The images are written; {@code millis} it took. */
        default void written(FlashResult result, long millis) {
        }

        /** The board is being restarted into its firmware. */
        default void rebooting() {
        }
    }

    /** What to flash, and how. */
    public record Request(String port, int baud, List<FlashImage> images, boolean useStub, boolean reboot) {
    }

    private final RomTimeouts timeouts;

    /** A flasher with {@code timeouts} (esptool's are {@link RomTimeouts#DEFAULT}). */
    public FirmwareFlasher(RomTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /**
     * Does the whole flash.
     *
     * @return how the write went, or {@code null} when there were no images (the chip was only identified)
     * @throws pearl.device.SerialPortUnavailableException when the port cannot be opened
     * @throws RomException naming what the loader refused or did not answer
     */
    public FlashResult flash(Request request, Listener listener) throws IOException {
        try (JsscSerialLine line = JsscSerialLine.open(request.port(), RomBootloaderClient.ROM_BAUD)) {
            RomBootloaderClient client = new RomBootloaderClient(line, timeouts);
            listener.connecting(request.port());
            client.connect();
            listener.identified(client.readChipInfo());
            if (request.baud() != RomBootloaderClient.ROM_BAUD) {
                try {
                    client.changeBaud(request.baud());
                    listener.speedChanged(request.baud());
                } catch (UnsupportedRomCommandException e) {
                    listener.speedKept(RomBootloaderClient.ROM_BAUD);
                }
            }
            FlashWriter writer = new FlashWriter(client, listener, request.useStub() ? FlasherStub.esp8266() : null);
            FlashResult result = null;
            if (!request.images().isEmpty()) {
                long started = System.nanoTime();
                result = writer.write(request.images());
                listener.written(result, (System.nanoTime() - started) / 1_000_000);
            }
            if (request.reboot()) {
                listener.rebooting();
                writer.reboot(line);
            }
            return result;
        }
    }
}
