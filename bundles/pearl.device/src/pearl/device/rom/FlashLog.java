package pearl.device.rom;

/**
 * The steps of a flash in words, a line each, worded once for every front end: {@code pearl flash}
 * prints them, the IDE shows them in the board's console. Per-block progress
 * ({@link #blockWritten}) is the front end's own: a redrawn bar, a progress monitor.
 */
public abstract class FlashLog implements FirmwareFlasher.Listener {

    private String unverified;

    /** Shows one step. */
    protected abstract void line(String text);

    /** Why the flash could not be verified; null while nothing says so. */
    public String unverifiedReason() {
        return unverified;
    }

    @Override
    public void connecting(String port) {
        line("connecting to " + port + "...");
    }

    @Override
    public void identified(ChipInfo chip) {
        line(String.format("%s, MAC %s, chip id 0x%06x (%d)", chip.name(), chip.mac(), chip.chipId(), chip.chipId()));
    }

    @Override
    public void speedChanged(int baud) {
        line("now at " + baud + " baud");
    }

    @Override
    public void speedKept(int baud) {
        line("the ESP8266 ROM loader has no CHANGE_BAUDRATE; staying at " + baud + " baud");
    }

    @Override
    public void blockRetried(FlashImage image, int block, String why) {
        line(image.label() + ": block " + (block + 1) + " sent again: " + why);
    }

    @Override
    public void stubStarting(String why) {
        line(why + "; verifying through Pearl's flasher stub in the board's RAM");
    }

    @Override
    public void regionVerified(FlashImage image) {
        line(image.label() + ": verified (MD5)");
    }

    @Override
    public void sectorRewritten(FlashImage image, int address) {
        line(String.format("%s: sector at 0x%06X did not verify; written again", image.label(), address));
    }

    @Override
    public void verificationUnavailable(String why) {
        unverified = why;
    }

    @Override
    public void written(FlashResult result, long millis) {
        line(String.format("wrote %d blocks in %.1f s%s", result.blocksWritten(), millis / 1000.0,
                result.retries() > 0 ? " (" + result.retries() + " sent again)" : ""));
        if (!result.verified()) {
            line("warning: not verified: " + unverified);
        }
    }

    @Override
    public void rebooting() {
        line("rebooting into the firmware");
    }
}
