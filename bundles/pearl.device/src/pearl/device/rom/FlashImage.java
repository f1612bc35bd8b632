package pearl.device.rom;

import java.util.Arrays;

/**
 * Bytes to put in flash at an address: a NodeMCU firmware binary (at 0x0, starting with the image
 * magic {@code 0xE9}), its second half, or a SPIFFS/LFS image.
 *
 * @param address flash address of the first byte
 * @param bytes   the content
 * @param label   how messages name it (usually the file name)
 */
public record FlashImage(int address, byte[] bytes, String label) {

    /** First byte of an ESP8266 firmware image. */
    public static final int IMAGE_MAGIC = 0xE9;
    /** The flash erase unit. */
    public static final int SECTOR = 4096;

    /**
     * An image, checked: not empty, and a firmware header at address 0 (the ROM boots only an image
     * whose first byte is the magic, so anything else there would brick the boot until reflashed).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static FlashImage of(int address, byte[] bytes, String label) {
        if (address < 0) {
            throw new IllegalArgumentException(label + ": negative flash address");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(label + ": the image is empty");
        }
        if (address == 0 && (bytes[0] & 0xFF) != IMAGE_MAGIC) {
            throw new IllegalArgumentException(String.format(
                    "%s: not a firmware image (first byte 0x%02X, expected 0xE9); only a firmware binary can go at 0x0", label,
                    bytes[0] & 0xFF));
        }
        return new FlashImage(address, bytes, label);
    }

    /**
     * A flash address as a user types it: {@code 0x10000} or {@code 65536}, within 16 MB.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static int parseAddress(String text) {
        String t = text.strip();
        long value;
        try {
            value = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a flash address (use hex 0x... or decimal)");
        }
        if (value < 0 || value > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("flash address " + text + " is outside 0x0..0x1000000 (16 MB)");
        }
        return (int) value;
    }

    /** Address of the first byte, rounded down to a sector (the ROM writes whole sectors only). */
    public int alignedAddress() {
        return address - address % SECTOR;
    }

    /** The bytes as written from {@link #alignedAddress()}: padded in front with 0xFF up to the image. */
    public byte[] alignedBytes() {
        int pad = address - alignedAddress();
        if (pad == 0) {
            return bytes;
        }
        byte[] padded = new byte[pad + bytes.length];
        Arrays.fill(padded, 0, pad, (byte) 0xFF);
        System.arraycopy(bytes, 0, padded, pad, bytes.length);
        return padded;
    }

    /** One past the last sector this image touches, as an address. */
    public long sectorEnd() {
        long end = (long) address + bytes.length;
        return (end + SECTOR - 1) / SECTOR * SECTOR;
    }

    /** Whether the sectors of the two images overlap (writing one would erase part of the other). */
    public boolean overlaps(FlashImage other) {
        return alignedAddress() < other.sectorEnd() && other.alignedAddress() < sectorEnd();
    }

    /**
     * The firmware header's flash mode, size and frequency, e.g. "dio, 4MB, 40m", or {@code null}
     * for an image without the magic.
     */
    public String headerDescription() {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != IMAGE_MAGIC) {
            return null;
        }
        String[] modes = { "qio", "qout", "dio", "dout" };
        int mode = bytes[2] & 0xFF;
        String size = switch ((bytes[3] >> 4) & 0x0F) {
            case 0x0 -> "512KB";
            case 0x1 -> "256KB";
            case 0x2 -> "1MB";
            case 0x3 -> "2MB";
            case 0x4 -> "4MB";
            case 0x5 -> "2MB-c1";
            case 0x6 -> "4MB-c1";
            case 0x8 -> "8MB";
            case 0x9 -> "16MB";
            default -> "size?";
        };
        String freq = switch (bytes[3] & 0x0F) {
            case 0x0 -> "40m";
            case 0x1 -> "26m";
            case 0x2 -> "20m";
            case 0xF -> "80m";
            default -> "freq?";
        };
        return (mode < modes.length ? modes[mode] : "mode?") + ", " + size + ", " + freq;
    }

    @Override
    public String toString() {
        return String.format("%s at 0x%05X (%d bytes)", label, address, bytes.length);
    }
}
