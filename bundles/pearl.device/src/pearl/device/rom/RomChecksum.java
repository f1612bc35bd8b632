package pearl.device.rom;

/** The loader's 8-bit transfer checksum: {@code 0xEF} XOR every byte of the data to write. */
public final class RomChecksum {

    /** The starting value the ROM uses. */
    public static final int SEED = 0xEF;

    private RomChecksum() {
    }

    /** The checksum of {@code data[from..to)}. */
    public static int of(byte[] data, int from, int to) {
        int sum = SEED;
        for (int i = from; i < to; i++) {
            sum ^= data[i] & 0xFF;
        }
        return sum;
    }

    /** The checksum of all of {@code data}. */
    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }
}
