package pearl.emulator.devices;

/**
 * A simulated chip on an I²C bus, seen a byte at a time as the master drives the bus: after a
 * start condition the master sends the device's address with a direction, then writes or reads
 * bytes until a stop (or a repeated start).
 */
public interface I2cDevice {

    /** The 7-bit address it answers to. */
    int address();

    /** The master addressed this device after a start: {@code read} for a read transfer. */
    void addressed(boolean read);

    /** A byte the master writes; returns whether the device acknowledges it. */
    boolean write(int value);

    /** The next byte the device sends to the master. */
    int read();

    /** A stop condition ended the transfer. */
    void stop();
}
