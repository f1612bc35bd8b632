package pearl.emulator.hardware;

import java.util.ArrayList;
import java.util.List;

import pearl.emulator.devices.I2cDevice;

/**
 * The I²C bus as the master sees it: a start, an address byte that a device at that address
 * acknowledges (nobody answers an absent address), bytes written (each acknowledged or not) or
 * read (0xFF, the pulled-up line, when nobody sends), and a stop.
 */
public final class I2cBus {

    private final List<I2cDevice> devices = new ArrayList<>();
    private I2cDevice selected;
    private boolean reading;

    /** Puts {@code device} on the bus. */
    public I2cBus attach(I2cDevice device) {
        devices.add(device);
        return this;
    }

    /** The devices on the bus. */
    public List<I2cDevice> devices() {
        return List.copyOf(devices);
    }

    /** A start (or repeated start) condition. */
    public void start() {
        selected = null;
    }

    /** Sends {@code address} with the direction; true if a device acknowledged. */
    public boolean address(int address, boolean read) {
        selected = devices.stream().filter(d -> d.address() == address).findFirst().orElse(null);
        reading = read;
        if (selected != null) {
            selected.addressed(read);
        }
        return selected != null;
    }

    /** Writes a byte; true if acknowledged. */
    public boolean write(int value) {
        return selected != null && !reading && selected.write(value & 0xff);
    }

    /** Reads a byte. */
    public int read() {
        return selected != null && reading ? selected.read() & 0xff : 0xff;
    }

    /** A stop condition. */
    public void stop() {
        if (selected != null) {
            selected.stop();
        }
        selected = null;
    }
}
