package pearl.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spans of virtual time as users write them ({@code --for}, a launch's {@code "for"}):
 * {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 2d}; a bare number is seconds.
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * Microseconds in {@code text}.
     *
     * @param what names the setting in the error ({@code --for})
     * @throws IllegalArgumentException saying what a duration looks like
     */
    public static long micros(String what, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    what + " takes a duration such as 500ms, 10s, 5m, 24h or 2d, not '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double factor = switch (unit) {
            case "us" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "m" -> 60e6;
            case "h" -> 3600e6;
            default -> 86400e6;
        };
        return Math.round(value * factor);
    }
}
