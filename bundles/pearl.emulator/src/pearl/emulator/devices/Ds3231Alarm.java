package pearl.emulator.devices;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One of the DS3231's two alarms, read from its registers as the datasheet lays them out: alarm 1
 * at 0x07..0x0A (seconds, minutes, hours, day/date), alarm 2 at 0x0B..0x0D (no seconds: it
 * matches at second 00). Bit 7 of each register is its mask bit (A1M1..A1M4, A2M2..A2M4): a masked
 * field matches any value, so all masked is once a second (alarm 1) or once a minute (alarm 2).
 * The hours register has the time's 12/24-hour format (bit 6, with AM/PM in bit 5); the day/date
 * register's bit 6 (DY/DT) picks the day of the week (1..7, as the chip counts it) over the date.
 * Registers holding values no time has (seconds 0x7F, date 0x32) never match.
 */
final class Ds3231Alarm {

    /** How far ahead a match is looked for; an alarm whose date no month has never matches. */
    private static final int MAX_STEPS = 100_000;

    private final int firstRegister;
    private final boolean hasSeconds;
    private final int flag;

    private Ds3231Alarm(int firstRegister, boolean hasSeconds, int flag) {
        this.firstRegister = firstRegister;
        this.hasSeconds = hasSeconds;
        this.flag = flag;
    }

    /** Alarm 1: registers 0x07..0x0A, flag A1F. */
    static Ds3231Alarm first() {
        return new Ds3231Alarm(0x07, true, 0x01);
    }

    /** Alarm 2: registers 0x0B..0x0D, flag A2F. */
    static Ds3231Alarm second() {
        return new Ds3231Alarm(0x0B, false, 0x02);
    }

    /** Its flag bit in the status register (and enable bit in the control register). */
    int flag() {
        return flag;
    }

    /** Whether the alarm matched a second in ({@code after}, {@code upTo}]. */
    boolean matchedBetween(LocalDateTime after, LocalDateTime upTo, int[] registers, int dayOffset) {
        LocalDateTime m = nextMatch(after, registers, dayOffset);
        return m != null && !m.isAfter(upTo);
    }

    /**
     * The first second after {@code after} that matches, or null if none comes (within years).
     *
     * @param dayOffset what the chip's day-of-week counter adds to ISO's (Monday = 1)
     */
    LocalDateTime nextMatch(LocalDateTime after, int[] registers, int dayOffset) {
        int r = firstRegister;
        int secondsRegister = hasSeconds ? registers[r++] : 0;
        int minutesRegister = registers[r];
        int hoursRegister = registers[r + 1];
        int dayRegister = registers[r + 2];
        boolean matchSecond = !hasSeconds || (secondsRegister & 0x80) == 0;
        int second = bcd(secondsRegister & 0x7F);
        boolean matchMinute = (minutesRegister & 0x80) == 0;
        int minute = bcd(minutesRegister & 0x7F);
        boolean matchHour = (hoursRegister & 0x80) == 0;
        int hour = hour24(hoursRegister);
        boolean matchDay = (dayRegister & 0x80) == 0;
        boolean byWeekday = (dayRegister & 0x40) != 0;
        int day = bcd(dayRegister & 0x3F);

        LocalDateTime t = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        for (int step = 0; step < MAX_STEPS; step++) {
            if (matchDay && (byWeekday ? weekday(t, dayOffset) : t.getDayOfMonth()) != day) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (matchHour && t.getHour() != hour) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (matchMinute && t.getMinute() != minute) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (matchSecond && t.getSecond() != second) {
                // a second the seconds field never shows (over 59) makes this run to the step limit
                t = second > t.getSecond() && second < 60 ? t.withSecond(second) : t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else {
                return t;
            }
        }
        return null;
    }

    /** The chip's day-of-week register value (1..7) on {@code t}. */
    private static int weekday(LocalDateTime t, int dayOffset) {
        return (t.getDayOfWeek().getValue() - 1 + dayOffset) % 7 + 1;
    }

    /** An hours register (either format) as 0..23; impossible values stay impossible (over 23). */
    private static int hour24(int register) {
        if ((register & 0x40) == 0) {
            return bcd(register & 0x3F);
        }
        int h12 = bcd(register & 0x1F);
        if (h12 < 1 || h12 > 12) {
            return 99;
        }
        return h12 % 12 + ((register & 0x20) != 0 ? 12 : 0);
    }

    private static int bcd(int b) {
        return (b >> 4) * 10 + (b & 0x0F);
    }
}
