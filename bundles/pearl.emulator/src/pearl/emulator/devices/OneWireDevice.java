package pearl.emulator.devices;

/**
 * A simulated chip on a 1-Wire bus, seen a time slot at a time: the master resets the bus, then
 * writes bits and opens read slots in which devices may pull the line low. The bus is
 * wired-AND: a read gives 0 if any device drives 0.
 */
public interface OneWireDevice {

    /** The 8-byte ROM code: family, 48-bit serial (LSB first), CRC-8. */
    byte[] rom();

    /** A reset pulse: the device answers with a presence pulse and waits for a ROM command. */
    void reset();

    /** The master writes {@code bit}. */
    void writeBit(int bit);

    /** A read slot: the bit this device sends, 1 when it leaves the line alone. */
    int readBit();
}
