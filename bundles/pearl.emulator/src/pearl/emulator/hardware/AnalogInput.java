package pearl.emulator.hardware;

import java.util.Map;
import java.util.TreeMap;

/**
 * The voltage on TOUT as the ADC samples it (0..1023, in 1/1024 V), a step function of virtual
 * time since power-on; the supply voltage {@code adc.readvdd33} measures; and the ADC mode byte
 * of the init data, which decides at boot which of the two the chip reads.
 */
public final class AnalogInput {

    private final TreeMap<Long, Integer> steps = new TreeMap<>(Map.of(0L, 0));
    private int vddMillivolts = 3300;
    private int initMode;

    /** From {@code micros} on, the ADC reads {@code sample} (clamped to 0..1023: TOUT takes 0-1.0 V). */
    public AnalogInput set(long micros, int sample) {
        steps.put(micros, Math.max(0, Math.min(1023, sample)));
        return this;
    }

    /** The sample at {@code micros}. */
    public int sampleAt(long micros) {
        return steps.floorEntry(micros).getValue();
    }

    /** Sets the supply voltage in mV. */
    public AnalogInput setVdd(int millivolts) {
        vddMillivolts = millivolts;
        return this;
    }

    /** The supply voltage in mV. */
    public int vddMillivolts() {
        return vddMillivolts;
    }

    /** The ADC mode byte of the init data in flash (0x00 TOUT, 0xFF supply voltage); read at boot. */
    public int initMode() {
        return initMode;
    }

    /** Stores the ADC mode byte in the init data; it takes effect at the next boot. */
    public void setInitMode(int mode) {
        initMode = mode;
    }
}
