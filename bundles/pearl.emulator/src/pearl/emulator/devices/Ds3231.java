package pearl.emulator.devices;

import java.time.Duration;
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
 * <p>
 * The two alarms ({@link Ds3231Alarm}) set their flags A1F/A2F in the status register on the
 * second the time matches them, whether or not their interrupts are enabled; the flags stay set
 * until the master writes them 0. With INTCN set in the control register, the active-low INT/SQW
 * output is asserted while a flag whose interrupt (A1IE/A2IE) is enabled is set, and told to the
 * {@link #wireInterrupt wired} line at that virtual microsecond. With INTCN clear the pin carries
 * the square wave that RS2/RS1 select instead: the 1 Hz wave falls as each second begins and rises
 * half a second later; the kilohertz rates are not simulated (the pin stays released).
 */
public final class Ds3231 extends RegisterI2cDevice {

    /** Its fixed address. */
    public static final int ADDRESS = 0x68;

    private static final int TIME_REGISTERS = 7;
    private static final int CONTROL = 0x0E, STATUS = 0x0F;
    private static final int A1IE = 0x01, A2IE = 0x02, INTCN = 0x04, RATE = 0x18;
    private static final long HALF_SECOND = 500_000;
    private static final int A1F = 0x01, A2F = 0x02;

    /** Where INT/SQW goes and when the chip's alarms are due; null until wired. */
    public interface InterruptLine {
        /** The pin is driven to {@code level}: 0 asserted, 1 released (the pull-up). */
        void level(int level);

        /** Runs {@code action} when the board's virtual clock reaches {@code micros}. */
        void at(long micros, Runnable action);
    }

    private final LongSupplier micros;
    private final int[] registers = new int[0x13];
    private LocalDateTime setTime;
    private long setAtMicros;
    private int dayOffset;
    private boolean twelveHour;
    private int[] pendingTime;
    private double celsius = 25.0;
    private final Ds3231Alarm alarm1 = Ds3231Alarm.first();
    private final Ds3231Alarm alarm2 = Ds3231Alarm.second();
    /** The chip time up to which the alarms were checked. */
    private LocalDateTime checkedUpTo;
    private InterruptLine line;
    private int lineLevel = 1;
    /** Counts re-arms, so that an alarm event planned before a register change is ignored. */
    private int armed;

    /** A DS3231 that reads {@code time} at {@code micros} = now, and goes on with virtual time. */
    public Ds3231(LocalDateTime time, LongSupplier micros) {
        super(ADDRESS);
        this.micros = micros;
        setTime = time.truncatedTo(ChronoUnit.SECONDS);
        setAtMicros = micros.getAsLong();
        registers[0x0E] = 0x1C;
        registers[0x0F] = 0x88;
        checkedUpTo = now();
        latch();
    }

    /**
     * Wires INT/SQW to {@code line}: from now on the chip plans its alarms on the board's clock
     * and drives the line when the output changes. Call again after the board rebooted (its
     * clock's plans are gone).
     */
    public void wireInterrupt(InterruptLine newLine) {
        line = newLine;
        catchUp();
        arm();
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
        catchUp();
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
        } else if (register < 0x11) {
            catchUp(); // matches before the write count under the old settings
            if (register == STATUS) {
                // OSF, A2F and A1F can only be cleared; EN32kHz is written; BSY is read-only
                registers[STATUS] = registers[STATUS] & value & (0x80 | A2F | A1F) | value & 0x08 | registers[STATUS] & 0x04;
            } else {
                registers[register] = value;
            }
            updateLine();
            arm();
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
        catchUp(); // the seconds up to now ran on the old time
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
        checkedUpTo = setTime;
        updateLine(); // writing the time restarts the countdown chain, and with it the square wave
        arm();
    }

    /** Sets the flag of each alarm that matched a second since the last check, then the output. */
    private void catchUp() {
        LocalDateTime now = now();
        if (now.isAfter(checkedUpTo)) {
            if (alarm1.matchedBetween(checkedUpTo, now, registers, dayOffset)) {
                registers[STATUS] |= A1F;
            }
            if (alarm2.matchedBetween(checkedUpTo, now, registers, dayOffset)) {
                registers[STATUS] |= A2F;
            }
            checkedUpTo = now;
        }
        updateLine();
    }

    /**
     * INT/SQW as control and status say: with INTCN, low while an enabled alarm's flag is set;
     * without, the 1 Hz square wave (low in the first half of each second).
     */
    private void updateLine() {
        int control = registers[CONTROL];
        int status = registers[STATUS];
        int level;
        if ((control & INTCN) != 0) {
            boolean asserted = (status & A1F) != 0 && (control & A1IE) != 0 || (status & A2F) != 0 && (control & A2IE) != 0;
            level = asserted ? 0 : 1;
        } else if (squareWave1Hz()) {
            level = Math.floorMod(micros.getAsLong() - setAtMicros, 2 * HALF_SECOND) < HALF_SECOND ? 0 : 1;
        } else {
            level = 1;
        }
        if (level != lineLevel) {
            lineLevel = level;
            if (line != null) {
                line.level(level);
            }
        }
    }

    private boolean squareWave1Hz() {
        return (registers[CONTROL] & (INTCN | RATE)) == 0;
    }

    /** Plans a check at the next second either alarm whose flag is clear matches (only when wired). */
    private void arm() {
        if (line == null) {
            return;
        }
        int mine = ++armed;
        if (squareWave1Hz()) {
            // the next half-second edge of the wave, on the chip's second ticks
            long now = micros.getAsLong();
            long edge = setAtMicros + (Math.floorDiv(now - setAtMicros, HALF_SECOND) + 1) * HALF_SECOND;
            line.at(edge, () -> {
                if (mine == armed) {
                    updateLine();
                    arm();
                }
            });
            return;
        }
        LocalDateTime next = null;
        for (Ds3231Alarm a : new Ds3231Alarm[] { alarm1, alarm2 }) {
            if ((registers[STATUS] & a.flag()) == 0) {
                LocalDateTime m = a.nextMatch(checkedUpTo, registers, dayOffset);
                if (m != null && (next == null || m.isBefore(next))) {
                    next = m;
                }
            }
        }
        if (next != null) {
            // the chip's second ticks over at setAtMicros plus whole seconds
            long at = setAtMicros + Duration.between(setTime, next).getSeconds() * 1_000_000;
            line.at(at, () -> {
                if (mine == armed) {
                    catchUp();
                    arm();
                }
            });
        }
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
