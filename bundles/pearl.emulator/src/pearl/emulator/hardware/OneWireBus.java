package pearl.emulator.hardware;

import java.util.ArrayList;
import java.util.List;

import pearl.emulator.devices.OneWireDevice;

/**
 * A 1-Wire bus on one pin: reset with presence detection, and bit slots on the wired-AND line
 * (a read gives 0 if any device pulls low, 1 from the pull-up when none does).
 */
public final class OneWireBus {

    private final List<OneWireDevice> devices = new ArrayList<>();

    /** Puts {@code device} on the bus. */
    public OneWireBus attach(OneWireDevice device) {
        devices.add(device);
        return this;
    }

    /** The devices on the bus. */
    public List<OneWireDevice> devices() {
        return List.copyOf(devices);
    }

    /** A reset pulse; true if a device answered with a presence pulse. */
    public boolean reset() {
        devices.forEach(OneWireDevice::reset);
        return !devices.isEmpty();
    }

    /** A write slot. */
    public void writeBit(int bit) {
        devices.forEach(d -> d.writeBit(bit & 1));
    }

    /** A read slot. */
    public int readBit() {
        int line = 1;
        for (OneWireDevice d : devices) {
            line &= d.readBit();
        }
        return line;
    }

    /** Writes a byte, LSB first. */
    public void writeByte(int value) {
        for (int i = 0; i < 8; i++) {
            writeBit(value >> i);
        }
    }

    /** Reads a byte, LSB first. */
    public int readByte() {
        int value = 0;
        for (int i = 0; i < 8; i++) {
            value |= readBit() << i;
        }
        return value;
    }
}
