package pearl.emulator.devices;

import java.util.function.LongSupplier;

/**
 * Maxim DS18B20 1-Wire thermometer (family 0x28), after its datasheet: CONVERT T (0x44) takes
 * 93.75/187.5/375/750 ms at 9/10/11/12-bit resolution, read slots giving 0 until it is done;
 * READ SCRATCHPAD (0xBE) sends the 9-byte scratchpad (temperature LSB/MSB in 1/16 °C, TH, TL,
 * configuration, three reserved bytes, CRC-8); WRITE SCRATCHPAD (0x4E) takes TH, TL and
 * configuration; COPY (0x48) and RECALL (0xB8) keep them in EEPROM; READ POWER SUPPLY (0xB4)
 * says externally powered. The temperature register holds 85 °C from power-on until the first
 * conversion.
 */
public final class Ds18b20 extends OneWireSlave {

    /** The family code of ROM byte 0. */
    public static final int FAMILY = 0x28;
    /** The temperature register's power-on value, 85 °C. */
    public static final int POWER_ON_RAW = 85 * 16;

    private final LongSupplier micros;
    private final byte[] scratchpad = new byte[9];
    private final byte[] eeprom = { 0x4B, 0x46, 0x7F }; // TH 75 °C, TL 70 °C, 12 bits: factory values
    private double celsius;
    private long conversionDone = -1;
    private int writing = -1;
    private boolean converting;

    /** A DS18B20 with 48-bit {@code serial}, timing conversions by {@code micros}, at {@code celsius}. */
    public Ds18b20(long serial, LongSupplier micros, double celsius) {
        super(FAMILY, serial);
        this.micros = micros;
        this.celsius = celsius;
        setTemperatureRegister(POWER_ON_RAW);
        System.arraycopy(eeprom, 0, scratchpad, 2, 3);
        scratchpad[5] = (byte) 0xFF;
        scratchpad[6] = 0x0C;
        scratchpad[7] = 0x10;
    }

    /** The temperature the next conversion measures (the sensor's range is -55..125 °C). */
    public void setTemperature(double newCelsius) {
        celsius = Math.max(-55, Math.min(125, newCelsius));
    }

    @Override
    public void reset() {
        super.reset();
        writing = -1;
        converting = false;
    }

    @Override
    protected void functionByte(int value) {
        if (writing >= 0) {
            scratchpad[2 + writing] = (byte) (writing == 2 ? (value & 0x60) | 0x1F : value);
            writing = writing == 2 ? -1 : writing + 1;
            return;
        }
        finishConversion();
        clearQueue();
        converting = false;
        switch (value) {
        case 0x44 -> {
            converting = true;
            conversionDone = micros.getAsLong() + conversionMicros();
        }
        case 0xBE -> {
            scratchpad[8] = (byte) DallasCrc.crc8(scratchpad, 0, 8);
            queueBytes(scratchpad);
        }
        case 0x4E -> writing = 0;
        case 0x48 -> System.arraycopy(scratchpad, 2, eeprom, 0, 3);
        case 0xB8 -> System.arraycopy(eeprom, 0, scratchpad, 2, 3);
        case 0xB4 -> queueBytes(new byte[] { (byte) 0xFF });
        default -> {
            // unknown function command: the chip ignores it
        }
        }
    }

    @Override
    protected int idleReadBit() {
        if (converting) {
            finishConversion();
            return conversionDone < 0 ? 1 : 0;
        }
        return 1;
    }

    @Override
    protected boolean alarm() {
        int t = (short) ((scratchpad[0] & 0xff) | (scratchpad[1] << 8)) >> 4;
        return t >= scratchpad[2] || t <= scratchpad[3];
    }

    /** Resolution bits 9..12 from the configuration register. */
    private int resolution() {
        return 9 + ((scratchpad[4] >> 5) & 0x03);
    }

    private long conversionMicros() {
        return 93_750L << (resolution() - 9);
    }

    private void finishConversion() {
        if (conversionDone >= 0 && micros.getAsLong() >= conversionDone) {
            conversionDone = -1;
            int undefinedBits = 12 - resolution();
            long raw = Math.round(celsius * 16 / (1 << undefinedBits)) << undefinedBits;
            setTemperatureRegister((int) raw);
        }
    }

    private void setTemperatureRegister(int raw) {
        scratchpad[0] = (byte) raw;
        scratchpad[1] = (byte) (raw >> 8);
    }
}
