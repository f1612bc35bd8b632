package pearl.emulator.devices;

/**
 * A simulated chip on the SPI bus, selected by its chip-select pin going low: each byte the
 * master clocks out (MOSI) comes with the byte the device clocks back (MISO).
 */
public interface SpiDevice {

    /** The GPIO pin (NodeMCU index) its chip select is wired to. */
    int chipSelectPin();

    /** Chip select went low: a transaction begins. */
    void select();

    /** Exchanges one byte: {@code mosi} in, the returned byte out. */
    int transfer(int mosi);
}
