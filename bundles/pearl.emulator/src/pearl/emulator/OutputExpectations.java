package pearl.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a board's UART for texts that settle a run, as CI asks: the first expected or failing
 * text or pattern to appear ends the run, passed or failed. Text split across writes still
 * matches; a pattern matches within the output so far (MULTILINE: {@code ^} and {@code $} at line
 * ends, which the UART writes as {@code \r\n}).
 */
public final class OutputExpectations implements BoardListener {

    /** What settled the run. */
    public enum Outcome {
        /** An expected text appeared first. */
        PASSED,
        /** A failing text appeared first. */
        FAILED,
        /** Neither appeared. */
        UNSETTLED
    }

    private record Watch(boolean pass, String text, Pattern pattern) {
        /** Where it matches in {@code output} from {@code from}, or -1. */
        int find(StringBuilder output, int from) {
            if (pattern == null) {
                return output.indexOf(text, from);
            }
            Matcher m = pattern.matcher(output);
            return m.find(from) ? m.start() : -1;
        }

        String describe() {
            return (pass ? "expected " : "failing ") + (pattern == null ? "text '" + text + "'" : "pattern /" + pattern + "/");
        }
    }

    private final List<Watch> watches = new ArrayList<>();
    private final StringBuilder output = new StringBuilder();
    private Board board;
    private Outcome outcome = Outcome.UNSETTLED;
    private String settledBy;
    private long settledAt = -1;
    /** How far back a new write may complete a text begun earlier. */
    private int longest;

    /** Ends the run with a pass when {@code text} appears. */
    public OutputExpectations expectText(String text) {
        return add(new Watch(true, text, null), text.length());
    }

    /** Ends the run with a failure when {@code text} appears. */
    public OutputExpectations failText(String text) {
        return add(new Watch(false, text, null), text.length());
    }

    /**
     * Ends the run with a pass when {@code regex} matches.
     *
     * @throws java.util.regex.PatternSyntaxException for a malformed pattern
     */
    public OutputExpectations expectRegex(String regex) {
        return add(new Watch(true, null, Pattern.compile(regex, Pattern.MULTILINE)), Integer.MAX_VALUE);
    }

    /** Ends the run with a failure when {@code regex} matches. */
    public OutputExpectations failRegex(String regex) {
        return add(new Watch(false, null, Pattern.compile(regex, Pattern.MULTILINE)), Integer.MAX_VALUE);
    }

    private OutputExpectations add(Watch watch, int length) {
        watches.add(watch);
        longest = Math.max(longest, length);
        return this;
    }

    /** Whether any text or pattern is watched for. */
    public boolean isEmpty() {
        return watches.isEmpty();
    }

    /** Whether a pass needs an expected text (else a run that ends unfailed passes). */
    public boolean expectsSomething() {
        return watches.stream().anyMatch(Watch::pass);
    }

    /** Watches {@code b}'s UART; the first match interrupts its run. */
    public void watch(Board b) {
        this.board = b;
        b.addListener(this);
    }

    @Override
    public void uartOutput(String bytes) {
        if (outcome != Outcome.UNSETTLED) {
            return;
        }
        int before = output.length();
        output.append(bytes);
        int from = longest == Integer.MAX_VALUE ? 0 : Math.max(0, before - longest + 1);
        int first = Integer.MAX_VALUE;
        Watch winner = null;
        for (Watch w : watches) {
            int at = w.find(output, from);
            if (at >= 0 && at < first) {
                first = at;
                winner = w;
            }
        }
        if (winner != null) {
            outcome = winner.pass() ? Outcome.PASSED : Outcome.FAILED;
            settledBy = winner.describe();
            settledAt = board == null ? -1 : board.clockMicros();
            if (board != null) {
                board.interrupt();
            }
        }
    }

    /** How the run was settled. */
    public Outcome outcome() {
        return outcome;
    }

    /** What settled it ("expected text 'ready'"), or null. */
    public String settledBy() {
        return settledBy;
    }

    /** Virtual microseconds since power-on when it was settled, or -1. */
    public long settledAtMicros() {
        return settledAt;
    }
}
