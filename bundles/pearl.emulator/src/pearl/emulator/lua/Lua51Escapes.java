package pearl.emulator.lua;

/**
 * Lua 5.1 reads an unknown escape in a quoted string as the character itself ({@code "\."} is
 * {@code "."}, {@code "\x41"} is {@code "x41"}); LuaJ's 5.2 lexer decodes {@code \x} and
 * {@code \z} and rejects the rest. This rewrites such escapes to what 5.1 means, leaving
 * comments, long strings and everything else as they are, so LuaJ compiles the 5.1 meaning.
 */
final class Lua51Escapes {

    private static final String KEPT = "abfnrtv\\\"'\n\r";

    private Lua51Escapes() {
    }

    /** {@code source} with unknown escapes in quoted strings replaced by their character. */
    static String normalize(String source) {
        if (source.indexOf('\\') < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '-' && source.startsWith("--", i)) {
                int end = skipComment(source, i);
                out.append(source, i, end);
                i = end;
            } else if (c == '[' && longBracketLevel(source, i) >= 0) {
                int end = skipLongBracket(source, i, longBracketLevel(source, i));
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                i = quoted(source, i, c, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int quoted(String s, int start, char quote, StringBuilder out) {
        out.append(quote);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == quote || c == '\n') {
                out.append(c);
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (KEPT.indexOf(e) < 0 && !Character.isDigit(e)) {
                    out.append(e); // 5.1: an unknown escape is the character itself
                } else {
                    out.append(c).append(e);
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static int skipComment(String s, int start) {
        int level = longBracketLevel(s, start + 2);
        if (level >= 0) {
            return skipLongBracket(s, start + 2, level);
        }
        int eol = s.indexOf('\n', start);
        return eol < 0 ? s.length() : eol;
    }

    /** The level of a long bracket opening at {@code i} ({@code [[} is 0, {@code [=[} is 1), or -1. */
    private static int longBracketLevel(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == '=') {
            j++;
        }
        return j < s.length() && s.charAt(j) == '[' ? j - i - 1 : -1;
    }

    private static int skipLongBracket(String s, int start, int level) {
        String close = "]" + "=".repeat(level) + "]";
        int end = s.indexOf(close, start + level + 2);
        return end < 0 ? s.length() : end + close.length();
    }
}
