package pearl.device.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's local line editing: keys are collected into a line shown on the user's terminal
 * and sent to the board only at Enter, so a typo costs nothing on the board; Up and Down recall
 * earlier lines; Ctrl+] quits. Feed it key bytes; it says what to show and what to send.
 */
public final class LineEditor {

    /** Ctrl+], as telnet and serial consoles take it. */
    public static final int QUIT = 0x1d;

    /** What one key did. */
    public record Effect(String show, String send, boolean quit) {
    }

    private final StringBuilder line = new StringBuilder();
    private final List<String> history = new ArrayList<>();
    private int recalled;
    private int escape;

    /** Handles one byte typed by the user. */
    public Effect key(int b) {
        if (escape == 1) {
            escape = b == '[' || b == 'O' ? 2 : 0;
            return none();
        }
        if (escape == 2) {
            escape = 0;
            if (b == 'A' && recalled > 0) {
                return replace(history.get(--recalled));
            }
            if (b == 'B' && recalled < history.size()) {
                recalled++;
                return replace(recalled == history.size() ? "" : history.get(recalled));
            }
            return none();
        }
        switch (b) {
            case QUIT:
                return new Effect("", null, true);
            case 0x1b:
                escape = 1;
                return none();
            case '\r':
            case '\n': {
                String sent = line.toString();
                line.setLength(0);
                if (!sent.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(sent))) {
                    history.add(sent);
                }
                recalled = history.size();
                // the board's echo of the line end moves the cursor on
                return new Effect("", sent + "\r\n", false);
            }
            case 0x7f:
            case 0x08:
                if (line.length() == 0) {
                    return none();
                }
                line.setLength(line.length() - 1);
                return new Effect("\b \b", null, false);
            case 0x15: // Ctrl+U: clear the line
                return replace("");
            default:
                if (b < 0x20 && b != '\t') {
                    // other control keys (Ctrl+C...) go to the board as they are
                    return new Effect("", String.valueOf((char) b), false);
                }
                line.append((char) b);
                return new Effect(String.valueOf((char) b), null, false);
        }
    }

    /** The line being edited. */
    public String line() {
        return line.toString();
    }

    private Effect replace(String text) {
        String erase = "\b \b".repeat(line.length());
        line.setLength(0);
        line.append(text);
        return new Effect(erase + text, null, false);
    }

    private static Effect none() {
        return new Effect("", null, false);
    }

    /**
     * Drops the board's echo of lines the editor already showed, passing everything else on: the
     * user sees each line once.
     */
    public static final class EchoFilter {
        private final boolean lineEndShown;
        private String expected = "";
        private int matched;
        private boolean afterEcho;

        /** A filter for a terminal that shows the line end itself when the board echoes it. */
        public EchoFilter() {
            this(false);
        }

        /**
         * @param lineEndShown the user's side already ended the typed line (a console that keeps
         *                     what was typed, as Eclipse's does): the echo's line end is dropped too
         */
        public EchoFilter(boolean lineEndShown) {
            this.lineEndShown = lineEndShown;
        }

        /** A line was sent: its echo (without the line end) is on its way. */
        public synchronized void sent(String lineWithoutEnd) {
            expected = lineWithoutEnd;
            matched = 0;
            afterEcho = lineEndShown && expected.isEmpty();
        }

        /** Bytes from the board, without the echo expected. */
        public synchronized String filter(String bytes) {
            StringBuilder out = new StringBuilder(bytes.length());
            for (int k = 0; k < bytes.length(); k++) {
                char c = bytes.charAt(k);
                if (afterEcho) {
                    if (c == '\r') {
                        continue;
                    }
                    afterEcho = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (matched < expected.length()) {
                    if (c == expected.charAt(matched)) {
                        matched++;
                        afterEcho = lineEndShown && matched == expected.length();
                        continue;
                    }
                    // not the echo after all (echo off, or output in between): show it all
                    out.append(expected, 0, matched);
                    expected = "";
                    matched = 0;
                }
                out.append(c);
            }
            return out.toString();
        }
    }
}
