package pearl.emulator.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pearl.emulator.devices.SpiDevice;

/**
 * The HSPI bus (pins 5/6/7/8): every byte the master clocks out reaches the devices whose
 * chip-select pin is low now, and MISO carries what they send back (0xFF, the idle line, when
 * none is selected). A device is selected anew when its chip select went high and low again.
 */
public final class SpiBus {

    private final List<SpiDevice> devices = new ArrayList<>();
    /** Each selected device, with the count of its chip select's rises when it was selected. */
    private final Map<SpiDevice, Integer> selected = new HashMap<>();

    /** Puts {@code device} on the bus. */
    public SpiBus attach(SpiDevice device) {
        devices.add(device);
        return this;
    }

    /** The devices on the bus. */
    public List<SpiDevice> devices() {
        return List.copyOf(devices);
    }

    /** Exchanges one byte with the devices {@code pins} select. */
    public int transfer(int mosi, GpioPins pins) {
        int miso = 0xff;
        for (SpiDevice d : devices) {
            if (pins.level(d.chipSelectPin()) != 0) {
                selected.remove(d);
                continue;
            }
            int rises = pins.rises(d.chipSelectPin());
            Integer since = selected.put(d, rises);
            if (since == null || since != rises) {
                d.select();
            }
            miso &= d.transfer(mosi & 0xff);
        }
        return miso;
    }
}
