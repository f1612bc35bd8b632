package pearl.emulator.devices;

import java.util.function.IntToDoubleFunction;
import java.util.function.LongSupplier;

/**
 * Bosch BME280 temperature, pressure and humidity sensor on I²C (address 0x76 or 0x77), after
 * its datasheet's register map: chip id 0x60 at 0xD0, soft reset 0xE0, trimming parameters at
 * 0x88..0xA1 and 0xE1..0xE7, ctrl_hum 0xF2, status 0xF3, ctrl_meas 0xF4, config 0xF5 and the
 * burst-readable data 0xF7..0xFE. The raw ADC values are what the datasheet's compensation
 * formulas turn back into the set temperature, pressure and humidity, so a driver written from
 * the datasheet reads the set values within the resolution of the chosen oversampling.
 * A forced measurement takes the datasheet's typical measurement time in virtual time.
 */
public final class Bme280 extends RegisterI2cDevice {

    /** The chip id register's value. */
    public static final int CHIP_ID = 0x60;

    // a plausible factory trimming set (each chip has its own)
    private static final int T1 = 27504, T2 = 26435, T3 = -1000;
    private static final int P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000;
    private static final int H1 = 75, H2 = 362, H3 = 0, H4 = 313, H5 = 50, H6 = 30;

    private static final int RAW_SKIPPED_20 = 0x80000;
    private static final int RAW_SKIPPED_16 = 0x8000;

    private final LongSupplier micros;
    private final int[] registers = new int[256];
    private double celsius;
    private double pascals;
    private double humidity;
    private int humidityOversampling;
    private long measurementDone = -1;

    /** A BME280 at {@code address} (0x76 or 0x77), timing its measurements by {@code micros}. */
    public Bme280(int address, LongSupplier micros, double celsius, double pascals, double humidity) {
        super(address);
        this.micros = micros;
        set(celsius, pascals, humidity);
        writeCalibration();
        reset();
    }

    /** The temperature it measures, °C. */
    public double celsius() {
        return celsius;
    }

    /** The pressure it measures, Pa. */
    public double pascals() {
        return pascals;
    }

    /** The relative humidity it measures, %. */
    public double humidity() {
        return humidity;
    }

    /** The conditions the next measurement sees: °C, Pa, %RH (clamped to the sensor's ranges). */
    public void set(double newCelsius, double newPascals, double newHumidity) {
        celsius = Math.max(-40, Math.min(85, newCelsius));
        pascals = Math.max(30_000, Math.min(110_000, newPascals));
        humidity = Math.max(0, Math.min(100, newHumidity));
    }

    private void writeCalibration() {
        int[] words = { T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9 };
        for (int i = 0; i < words.length; i++) {
            registers[0x88 + 2 * i] = words[i] & 0xff;
            registers[0x89 + 2 * i] = (words[i] >> 8) & 0xff;
        }
        registers[0xA1] = H1;
        registers[0xE1] = H2 & 0xff;
        registers[0xE2] = (H2 >> 8) & 0xff;
        registers[0xE3] = H3;
        // H4 and H5 are 12-bit values sharing register 0xE5
        registers[0xE4] = (H4 >> 4) & 0xff;
        registers[0xE5] = (H4 & 0x0f) | ((H5 & 0x0f) << 4);
        registers[0xE6] = (H5 >> 4) & 0xff;
        registers[0xE7] = H6 & 0xff;
        registers[0xD0] = CHIP_ID;
    }

    /** Power-on state: sleep mode, nothing measured yet (data registers hold their reset values). */
    private void reset() {
        registers[0xF2] = 0;
        registers[0xF4] = 0;
        registers[0xF5] = 0;
        humidityOversampling = 0;
        measurementDone = -1;
        storeData(RAW_SKIPPED_20, RAW_SKIPPED_20, RAW_SKIPPED_16);
    }

    @Override
    protected void beginRead() {
        finishMeasurement();
    }

    @Override
    protected int readRegister(int register) {
        finishMeasurement();
        if (register == 0xF3) {
            return measuring() ? 0x08 : 0;
        }
        return registers[register];
    }

    @Override
    protected void writeRegister(int register, int value) {
        switch (register) {
        case 0xE0 -> {
            if (value == 0xB6) {
                reset();
            }
        }
        case 0xF2 -> registers[0xF2] = value & 0x07;
        case 0xF4 -> {
            registers[0xF4] = value;
            // ctrl_hum takes effect with the next write of ctrl_meas
            humidityOversampling = registers[0xF2];
            if ((value & 0x03) != 0) {
                measurementDone = micros.getAsLong() + measurementMicros();
            }
        }
        case 0xF5 -> registers[0xF5] = value & 0xfd;
        default -> {
            // read-only or reserved
        }
        }
    }

    /** The datasheet's typical measurement time: 1 ms + 2 ms per oversampled sample, plus 0.5 ms per enabled P/H. */
    private long measurementMicros() {
        int t = oversampling(registers[0xF4] >> 5);
        int p = oversampling(registers[0xF4] >> 2);
        int h = oversampling(humidityOversampling);
        return 1000 + 2000L * (t + p + h) + (p > 0 ? 500 : 0) + (h > 0 ? 500 : 0);
    }

    /** Samples per measurement for an osrs field (0 = skipped, 1..5 = x1..x16). */
    private static int oversampling(int osrs) {
        int field = osrs & 0x07;
        return field == 0 ? 0 : 1 << Math.min(field - 1, 4);
    }

    private boolean measuring() {
        return measurementDone >= 0 && micros.getAsLong() < measurementDone;
    }

    private void finishMeasurement() {
        if (measurementDone < 0 || measuring()) {
            return;
        }
        int mode = registers[0xF4] & 0x03;
        int osrsT = (registers[0xF4] >> 5) & 0x07;
        int osrsP = (registers[0xF4] >> 2) & 0x07;
        int rawT = solve(Bme280::temperature, celsius, true);
        double tFine = tFine(rawT);
        int rawP = solve(adc -> pressure(adc, tFine), pascals, false);
        int rawH = rawHumidity(humidity, tFine);
        storeData(osrsP == 0 ? RAW_SKIPPED_20 : resolution(rawP, osrsP, 20),
                osrsT == 0 ? RAW_SKIPPED_20 : resolution(rawT, osrsT, 20),
                humidityOversampling == 0 ? RAW_SKIPPED_16 : rawH);
        if (mode == 0x01 || mode == 0x02) {
            // forced mode measures once and sleeps; normal mode goes on measuring
            registers[0xF4] &= ~0x03;
            measurementDone = -1;
        }
    }

    /** Without the IIR filter, oversampling x1 gives 16 bits, each doubling one bit more (up to 20). */
    private int resolution(int raw, int osrs, int bits) {
        if ((registers[0xF5] & 0x1C) != 0) {
            return raw;
        }
        int dropped = Math.max(0, bits - 15 - Math.min(osrs, 5));
        int step = 1 << dropped;
        return Math.min((1 << bits) - step, ((raw + step / 2) / step) * step);
    }

    private void storeData(int rawP, int rawT, int rawH) {
        registers[0xF7] = (rawP >> 12) & 0xff;
        registers[0xF8] = (rawP >> 4) & 0xff;
        registers[0xF9] = (rawP << 4) & 0xf0;
        registers[0xFA] = (rawT >> 12) & 0xff;
        registers[0xFB] = (rawT >> 4) & 0xff;
        registers[0xFC] = (rawT << 4) & 0xf0;
        registers[0xFD] = (rawH >> 8) & 0xff;
        registers[0xFE] = rawH & 0xff;
    }

    /** The 20-bit raw value whose compensated value is nearest {@code target} (the formula rises or falls monotonically). */
    private static int solve(IntToDoubleFunction compensate, double target, boolean rising) {
        int lo = 0;
        int hi = (1 << 20) - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (compensate.applyAsDouble(mid) < target == rising) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double errLo = Math.abs(compensate.applyAsDouble(lo) - target);
        double errHi = Math.abs(compensate.applyAsDouble(hi) - target);
        return errLo <= errHi ? lo : hi;
    }

    // the datasheet's floating-point compensation formulas

    private static double tFine(int adcT) {
        double var1 = (adcT / 16384.0 - T1 / 1024.0) * T2;
        double d = adcT / 131072.0 - T1 / 8192.0;
        return var1 + d * d * T3;
    }

    private static double temperature(int adcT) {
        return tFine(adcT) / 5120.0;
    }

    private static double pressure(int adcP, double tFine) {
        double var1 = tFine / 2.0 - 64000.0;
        double var2 = var1 * var1 * P6 / 32768.0;
        var2 = var2 + var1 * P5 * 2.0;
        var2 = var2 / 4.0 + P4 * 65536.0;
        var1 = (P3 * var1 * var1 / 524288.0 + P2 * var1) / 524288.0;
        var1 = (1.0 + var1 / 32768.0) * P1;
        double p = 1048576.0 - adcP;
        p = (p - var2 / 4096.0) * 6250.0 / var1;
        var1 = P9 * p * p / 2147483648.0;
        var2 = p * P8 / 32768.0;
        return p + (var1 + var2 + P7) / 16.0;
    }

    /**
     * The humidity formula inverted: it is linear in adc_H, then {@code x * (1 - H1 * x / 524288)},
     * whose rising branch is solved for x; past 100 %RH it clamps, so any x is fine there.
     */
    private static int rawHumidity(double target, double tFine) {
        double h = tFine - 76800.0;
        double offset = H4 * 64.0 + H5 / 16384.0 * h;
        double slope = H2 / 65536.0 * (1.0 + H6 / 67108864.0 * h * (1.0 + H3 / 67108864.0 * h));
        double a = H1 / 524288.0;
        double x = (1 - Math.sqrt(1 - 4 * a * target)) / (2 * a);
        long raw = Math.round(x / slope + offset);
        return (int) Math.max(0, Math.min(0xFFFF, raw));
    }
}
