package pearl.emulator.devices;

/** The Dallas/Maxim 1-Wire CRCs: CRC-8 of ROM codes and scratchpads, CRC-16 of memory pages. */
public final class DallasCrc {

    private DallasCrc() {
    }

    /** The CRC-8 (polynomial x^8 + x^5 + x^4 + 1) of {@code length} bytes of {@code data} from {@code offset}. */
    public static int crc8(byte[] data, int offset, int length) {
        return shift(data, offset, length, 0, 0x8C);
    }

    /** The CRC-16 (polynomial x^16 + x^15 + x^2 + 1) of {@code data}, continuing {@code crc}. */
    public static int crc16(byte[] data, int crc) {
        return shift(data, 0, data.length, crc & 0xFFFF, 0xA001);
    }

    /** Both shift bits in LSB first, so their polynomials are given reflected. */
    private static int shift(byte[] data, int offset, int length, int crc, int reflectedPolynomial) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                int mix = (c ^ b) & 1;
                c >>>= 1;
                if (mix != 0) {
                    c ^= reflectedPolynomial;
                }
                b >>= 1;
            }
        }
        return c;
    }
}
