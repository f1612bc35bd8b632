package pearl.device.rom;

/**
 * How long the client waits for the loader. The defaults are esptool's: 3 s per command, 0.1 s
 * per SYNC, erase and write 40 s per MB, MD5 8 s per MB; 7 connect attempts of 5 SYNCs each.
 *
 * @param commandMillis     an ordinary command
 * @param syncMillis        the first answer to one SYNC
 * @param eraseMillisPerMb  FLASH_BEGIN, which erases on the ROM loader
 * @param md5MillisPerMb    SPI_FLASH_MD5
 * @param connectAttempts   resets into the bootloader before giving up
 * @param syncsPerAttempt   SYNCs after each reset
 */
public record RomTimeouts(long commandMillis, long syncMillis, long eraseMillisPerMb, long md5MillisPerMb, int connectAttempts,
        int syncsPerAttempt) {

    /** esptool's values. */
    public static final RomTimeouts DEFAULT = new RomTimeouts(3000, 100, 40_000, 8_000, 7, 5);

    /** The wait for an operation proportional to {@code bytes}, never less than an ordinary command. */
    public long scaled(long perMb, long bytes) {
        return Math.max(commandMillis, perMb * bytes / (1024 * 1024));
    }
}
