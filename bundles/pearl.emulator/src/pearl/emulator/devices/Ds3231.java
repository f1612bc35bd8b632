package pearl.emulator.devices;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/**
 * Maxim DS3231 real-time clock on I²C (address 0x68), after its datasheet: BCD timekeeping
 * registers 0x00..0x06 (seconds, minutes, hours in 24- or 12-hour mode, day 1..7, date,
 * month with the century bit, year), the alarm registers 0x07..0x0D, control 0x0E, status 0x0F
 * (oscillator-stop flag set at power-on), aging 0x10 and the temperature 0x11/0x12 in 0.25 °C.
 * Time runs with the board's virtual clock; the registers a read sends are latched at its start,
 * and a write of the time registers takes effect at the stop that ends it.
 */
public final class Ds3231 extends RegisterI2cDevice {

    /** Its fixed address. */
    public static final int ADDRESS = 0x68;

    private static final int TIME_REGISTERS = 7;

    private final LongSupplier micros;
    private final int[] registers = new int[0x13];
    private LocalDateTime setTime;
    private long setAtMicros;
    private int dayOffset;
    private boolean twelveHour;
    private int[] pendingTime;
    private double celsius = 25.0;

    /** A DS3231 that reads {@code time} at {@code micros} = now, and goes on with virtual time. */
    public Ds3231(LocalDateTime time, LongSupplier micros) {
        super(ADDRESS);
        this.micros = micros;
        setTime = time.truncatedTo(ChronoUnit.SECONDS);
        setAtMicros = micros.getAsLong();
        registers[0x0E] = 0x1C;
        registers[0x0F] = 0x88;
        latch();
    }

    /** The temperature its sensor reads. */
    public void setTemperature(double newCelsius) {
        celsius = newCelsius;
    }

    /** The date and time the chip keeps now. */
    public LocalDateTime now() {
        return setTime.plusSeconds((micros.getAsLong() - setAtMicros) / 1_000_000);
    }

    @Override
    protected void beginRead() {
        latch();
    }

    @Override
    protected int nextPointer(int register) {
        return (register + 1) % registers.length;
    }

    @Override
    protected int readRegister(int register) {
        return register < registers.length ? registers[register] : 0;
    }

    @Override
    protected void writeRegister(int register, int value) {
        if (register < TIME_REGISTERS) {
            if (pendingTime == null) {
                latch();
                pendingTime = java.util.Arrays.copyOf(registers, TIME_REGISTERS);
            }
            pendingTime[register] = value;
        } else if (register == 0x0F) {
            registers[0x0F] = registers[0x0F] & value & 0x80 | value & 0x0B; // OSF only clears
        } else if (register < 0x11) {
            registers[register] = value;
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (pendingTime != null) {
            commit(pendingTime);
            pendingTime = null;
        }
    }

    private void commit(int[] t) {
        int hourRegister = t[2];
        twelveHour = (hourRegister & 0x40) != 0;
        int hour = twelveHour ? bcd(hourRegister & 0x1F) % 12 + ((hourRegister & 0x20) != 0 ? 12 : 0) : bcd(hourRegister & 0x3F);
        int year = 2000 + bcd(t[6]) + ((t[5] & 0x80) != 0 ? 100 : 0);
        try {
            setTime = LocalDateTime.of(year, bcd(t[5] & 0x1F), bcd(t[4] & 0x3F), hour, bcd(t[1] & 0x7F), bcd(t[0] & 0x7F));
        } catch (java.time.DateTimeException e) {
            return; // an impossible date: the chip's counters would misbehave; keep the old time
        }
        setAtMicros = micros.getAsLong();
        dayOffset = Math.floorMod((t[3] & 0x07) - setTime.getDayOfWeek().getValue(), 7);
    }

    /** Copies the running time into the registers (the chip's user buffer). */
    private void latch() {
        LocalDateTime t = now();
        registers[0] = toBcd(t.getSecond());
        registers[1] = toBcd(t.getMinute());
        if (twelveHour) {
            int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            registers[2] = 0x40 | (t.getHour() >= 12 ? 0x20 : 0) | toBcd(h12);
        } else {
            registers[2] = toBcd(t.getHour());
        }
        registers[3] = (t.getDayOfWeek().getValue() - 1 + dayOffset) % 7 + 1;
        registers[4] = toBcd(t.getDayOfMonth());
        registers[5] = toBcd(t.getMonthValue()) | (t.getYear() >= 2100 ? 0x80 : 0);
        registers[6] = toBcd(t.getYear() % 100);
        int quarters = (int) Math.round(celsius * 4);
        registers[0x11] = (quarters >> 2) & 0xff;
        registers[0x12] = (quarters & 0x03) << 6;
    }

    private static int toBcd(int n) {
        return (n / 10) << 4 | n % 10;
    }

    private static int bcd(int b) {
        return (b >> 4) * 10 + (b & 0x0F);
    }
}
