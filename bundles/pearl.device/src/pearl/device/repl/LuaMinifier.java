package pearl.device.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks Lua source for the board's small file system while keeping every statement on its
 * line, so the line numbers in an error on the board still match the file in the editor:
 * comments and indentation go, runs of blanks between tokens become one blank or none, every
 * line end stays (a long comment leaves its line ends behind). Strings, long strings and
 * anything that looks like a comment inside them are copied untouched. A blank between two
 * tokens is dropped only when lexing the two without it gives the same two tokens back.
 * Source the lexer cannot read (an unfinished string) is returned unchanged.
 */
public final class LuaMinifier {

    private static final String[] OPERATORS = { "...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>" };

    private LuaMinifier() {
    }

    /** The minified source: same number of lines, same meaning. */
    public static String minify(String source) {
        try {
            return new LuaMinifier.Run(source).minify();
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    /** The tokens of {@code text}, comments and blanks skipped (for the blank-dropping test). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Run run = new Run(text);
        while (true) {
            String token = run.nextToken(null);
            if (token == null) {
                return tokens;
            }
            tokens.add(token);
        }
    }

    private static boolean needsBlank(String before, String after) {
        try {
            return !tokens(before + after).equals(List.of(before, after));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** One pass over a source text. */
    private static final class Run {
        private final String s;
        private int i;

        Run(String s) {
            this.s = s;
        }

        String minify() {
            StringBuilder out = new StringBuilder(s.length());
            if (s.startsWith("#")) {
                // a shebang line: the loader skips it, keep it as it is
                int eol = s.indexOf('\n');
                i = eol < 0 ? s.length() : eol;
                out.append(s, 0, i);
            }
            String previous = null;
            boolean blank = false;
            while (true) {
                int lineEnds = skipTrivia();
                if (lineEnds > 0) {
                    out.append("\n".repeat(lineEnds));
                    previous = null;
                    blank = false;
                } else if (lineEnds < 0) {
                    blank = true;
                }
                if (i >= s.length()) {
                    return out.toString();
                }
                if (isTrivia()) {
                    continue;
                }
                String token = nextToken(null);
                if (previous != null && blank && needsBlank(previous, token)) {
                    out.append(' ');
                }
                out.append(token);
                previous = token;
                blank = false;
            }
        }

        private boolean isTrivia() {
            char c = s.charAt(i);
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b || s.startsWith("--", i);
        }

        /**
         * Skips blanks and comments up to the next token or the next line end.
         *
         * @return the number of line ends passed (a long comment may hold several), else -1 when
         *         something was skipped, 0 when nothing
         */
        private int skipTrivia() {
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    // \r\n, \n\r count once, as Lua counts them
                    i++;
                    if (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r') && s.charAt(i) != c) {
                        i++;
                    }
                    return 1;
                }
                if (c == ' ' || c == '\t' || c == '\f' || c == 0x0b) {
                    i++;
                    continue;
                }
                if (s.startsWith("--", i)) {
                    int level = longBracket(i + 2);
                    if (level >= 0) {
                        int end = closeLongBracket(i + 2, level);
                        int lines = countLineEnds(s.substring(i, end));
                        i = end;
                        if (lines > 0) {
                            return lines;
                        }
                        continue;
                    }
                    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        i++;
                    }
                    continue;
                }
                break;
            }
            return i > start ? -1 : 0;
        }

        /** The next token starting at {@code i} (after trivia), or null at the end. */
        String nextToken(Object unused) {
            while (i < s.length()) {
                int before = i;
                int lines = skipTrivia();
                if (lines == 0 && i == before) {
                    break;
                }
            }
            if (i >= s.length()) {
                return null;
            }
            int start = i;
            char c = s.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
            } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                // wider than Lua's numeral: a wider token only keeps more blanks
                while (i < s.length()) {
                    char d = s.charAt(i);
                    char p = s.charAt(i - 1 < start ? start : i - 1);
                    if (Character.isLetterOrDigit(d) || d == '_' || d == '.'
                            || (d == '+' || d == '-') && i > start && "eEpP".indexOf(p) >= 0) {
                        i++;
                    } else {
                        break;
                    }
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("unfinished string");
                    }
                    char d = s.charAt(i);
                    if (d == c) {
                        i++;
                        break;
                    }
                    if (d == '\n' || d == '\r') {
                        throw new IllegalArgumentException("unfinished string");
                    }
                    if (d == '\\') {
                        i++;
                        if (i < s.length() && s.charAt(i) == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            i++;
                        }
                    }
                    i++;
                }
            } else if (c == '[' && longBracket(i) >= 0) {
                i = closeLongBracket(i, longBracket(i));
            } else {
                i++;
                for (String op : OPERATORS) {
                    if (s.startsWith(op, start)) {
                        i = start + op.length();
                        break;
                    }
                }
            }
            return s.substring(start, i);
        }

        /** The level of a long bracket {@code [==[} opening at {@code at}, or -1. */
        private int longBracket(int at) {
            if (at >= s.length() || s.charAt(at) != '[') {
                return -1;
            }
            int j = at + 1;
            while (j < s.length() && s.charAt(j) == '=') {
                j++;
            }
            return j < s.length() && s.charAt(j) == '[' ? j - at - 1 : -1;
        }

        /** Where the long bracket of {@code level} opening at {@code at} ends (just after it). */
        private int closeLongBracket(int at, int level) {
            String close = "]" + "=".repeat(level) + "]";
            int end = s.indexOf(close, at + level + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unfinished long string or comment");
            }
            return end + close.length();
        }

        private static int countLineEnds(String text) {
            int n = 0;
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '\n' || c == '\r') {
                    n++;
                    if (k + 1 < text.length() && (text.charAt(k + 1) == '\n' || text.charAt(k + 1) == '\r') && text.charAt(k + 1) != c) {
                        k++;
                    }
                }
            }
            return n;
        }
    }
}
