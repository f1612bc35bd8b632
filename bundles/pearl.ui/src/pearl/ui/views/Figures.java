package pearl.ui.views;

import java.util.Locale;

/** How the views write times and sizes. */
final class Figures {

    private Figures() {
    }

    /** Virtual time since power-on: "12.500 s". */
    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** A time axis label: as few decimals as the step between labels needs. */
    static String axisSeconds(long micros, long stepMicros) {
        int decimals = stepMicros >= 1_000_000 ? 0 : stepMicros >= 100_000 ? 1 : stepMicros >= 10_000 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f s", micros / 1e6);
    }

    /** A task's duration: "38 µs", "30.0 ms". */
    static String duration(long micros) {
        return micros < 1000 ? micros + " \u00b5s" : String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
    }

    /** Bytes with thousands grouped: "38,120 B". */
    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes);
    }

    /** A round step (1, 2 or 5 times a power of ten) that cuts {@code span} into about {@code parts}. */
    static long niceStep(double span, int parts) {
        double raw = Math.max(1, span / parts);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10;
        return Math.max(1, (long) (step * power));
    }
}
