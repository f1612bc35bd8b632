package pearl.debug;

/**
 * When a breakpoint with a hit count stops: {@code 5} or {@code ==5} on the fifth hit only,
 * {@code >=5}, {@code >5}, {@code <5}, {@code <=5} while the count is so, {@code %5} on every
 * fifth hit.
 */
public record HitCondition(String operator, int count) {

    /** The condition of {@code text}, or null for an empty text (stop on every hit). */
    public static HitCondition parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replace(" ", "");
        String op = "==";
        for (String candidate : new String[] { ">=", "<=", "==", ">", "<", "%" }) {
            if (t.startsWith(candidate)) {
                op = candidate;
                t = t.substring(candidate.length());
                break;
            }
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hit count '" + text + "' is not a number, nor ==N, >=N, >N, <N, <=N or %N");
        }
        if (n < 1 && op.equals("%")) {
            throw new IllegalArgumentException("hit count '" + text + "': %N needs N of 1 or more");
        }
        return new HitCondition(op, n);
    }

    /** Whether the {@code hits}-th hit (counting from 1) stops. */
    public boolean stopsAt(int hits) {
        return switch (operator) {
            case ">=" -> hits >= count;
            case ">" -> hits > count;
            case "<=" -> hits <= count;
            case "<" -> hits < count;
            case "%" -> hits % count == 0;
            default -> hits == count;
        };
    }
}
