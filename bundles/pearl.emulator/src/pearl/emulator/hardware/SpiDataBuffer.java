package pearl.emulator.hardware;

/**
 * The ESP8266 SPI peripheral's 64-byte data buffer (registers W0..W15) as the bit-level
 * {@code spi} functions see it: 512 bits numbered in the order they go on the wire, an item of
 * {@code bitlen} bits stored most significant bit first. MOSI and MISO share it: what a
 * transaction reads in overwrites the buffer from bit 0, as on the chip.
 */
public final class SpiDataBuffer {

    /** Its size in bits. */
    public static final int BITS = 512;

    private final boolean[] bits = new boolean[BITS];

    /** Stores the low {@code bitlen} bits of {@code value} at bit {@code offset}, most significant first. */
    public void put(int offset, int bitlen, long value) {
        for (int i = 0; i < bitlen; i++) {
            bits[offset + i] = (value >>> (bitlen - 1 - i) & 1) != 0;
        }
    }

    /** The {@code bitlen} bits at {@code offset} as a number, the first bit most significant. */
    public long get(int offset, int bitlen) {
        long value = 0;
        for (int i = 0; i < bitlen; i++) {
            value = value << 1 | (bits[offset + i] ? 1 : 0);
        }
        return value;
    }

    /** Bit {@code index}. */
    public boolean bit(int index) {
        return bits[index];
    }

    /** Sets bit {@code index}. */
    public void setBit(int index, boolean value) {
        bits[index] = value;
    }
}
