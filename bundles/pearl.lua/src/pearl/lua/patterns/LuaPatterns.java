package pearl.lua.patterns;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1 pattern matching over the bytes of a Lua string, with the firmware's rules and error
 * texts. As in 5.1 the pattern is a C string: it ends at its first {@code '\0'} (use {@code %z} to
 * match a zero byte), and the subject reads as {@code '\0'} one past its end (what {@code %f} and
 * {@code %b} see there).
 *
 * <p>One instance is one match state: a subject, a pattern, and the captures of the last attempt.
 * {@link #match(int, int)} tries the pattern (from a pattern position) at one subject position.
 */
public final class LuaPatterns {

    /** {@code LUA_MAXCAPTURES}. */
    public static final int MAX_CAPTURES = 32;

    /** The characters that make {@code string.find} match a pattern rather than search plainly. */
    private static final String SPECIALS = "^$*+?.([%-";

    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final char ESC = '%';

    private final byte[] src;
    private final int srcInit;
    private final int srcEnd;
    /** The pattern up to its first zero byte, followed by two zero bytes (the C terminator). */
    private final byte[] pat;

    private int level;
    private final int[] captureInit = new int[MAX_CAPTURES];
    private final int[] captureLen = new int[MAX_CAPTURES];

    /** A match state for {@code subject} and {@code pattern}. */
    public LuaPatterns(LuaString subject, LuaString pattern) {
        src = subject.m_bytes;
        srcInit = subject.m_offset;
        srcEnd = subject.m_offset + subject.m_length;
        int n = cLength(pattern);
        pat = new byte[n + 2];
        System.arraycopy(pattern.m_bytes, pattern.m_offset, pat, 0, n);
    }

    /** The length of {@code s} as C sees it: up to its first zero byte. */
    public static int cLength(LuaString s) {
        for (int i = 0; i < s.m_length; i++) {
            if (s.m_bytes[s.m_offset + i] == 0) {
                return i;
            }
        }
        return s.m_length;
    }

    /** Whether the C-string part of {@code pattern} has none of {@code ^$*+?.([%-} ({@code strpbrk}). */
    public static boolean hasNoSpecials(LuaString pattern) {
        int n = cLength(pattern);
        for (int i = 0; i < n; i++) {
            if (SPECIALS.indexOf(pattern.m_bytes[pattern.m_offset + i] & 0xff) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code lmemfind}: the first index {@code >= from} (0-based) where {@code needle} occurs, or -1. */
    public static int plainFind(LuaString haystack, LuaString needle, int from) {
        int n = needle.m_length;
        int last = haystack.m_length - n;
        byte[] h = haystack.m_bytes;
        byte[] w = needle.m_bytes;
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < n; k++) {
                if (h[haystack.m_offset + i + k] != w[needle.m_offset + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether the pattern starts with {@code ^}. */
    public boolean anchored() {
        return pat[0] == '^';
    }

    /** Subject positions are 0-based from the start of the subject. */
    public int subjectLength() {
        return srcEnd - srcInit;
    }

    /**
     * Tries the pattern, from pattern index {@code p}, at subject position {@code s} (0-based),
     * forgetting earlier captures. Returns the end of the match (0-based, exclusive) or -1.
     */
    public int match(int s, int p) {
        level = 0;
        try {
            int e = doMatch(srcInit + s, p);
            return e < 0 ? -1 : e - srcInit;
        } catch (StackOverflowError e) {
            // the board's C stack would be gone long before this
            throw new LuaError("stack overflow");
        }
    }

    /** The number of captures of the last successful match. */
    public int level() {
        return level;
    }

    /**
     * {@code push_onecapture}: capture {@code i} (0-based) of the match {@code s..e}; with no
     * captures, capture 0 is the whole match.
     */
    public LuaValue capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) {
                return LuaString.valueOf(src, srcInit + s, e - s);
            }
            throw new LuaError("invalid capture index");
        }
        int l = captureLen[i];
        if (l == CAP_UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (l == CAP_POSITION) {
            return LuaValue.valueOf(captureInit[i] - srcInit + 1);
        }
        return LuaString.valueOf(src, captureInit[i], l);
    }

    /**
     * {@code push_captures}: all captures of the match {@code s..e}, or the whole match when there
     * are none and {@code wholeIfNone}.
     */
    public Varargs captures(int s, int e, boolean wholeIfNone) {
        int n = level == 0 && wholeIfNone ? 1 : level;
        if (n == 1) {
            return capture(0, s, e);
        }
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, s, e);
        }
        return LuaValue.varargsOf(values);
    }

    // ---------------------------------------------------------------- the matcher

    /** The subject byte at absolute index {@code s}, {@code 0} at the end (the C terminator). */
    private int sc(int s) {
        return s < srcEnd ? src[s] & 0xff : 0;
    }

    private int pc(int p) {
        return pat[p] & 0xff;
    }

    /** Absolute subject index; returns the absolute end of the match or -1. */
    private int doMatch(int s, int p) {
        while (true) {
            switch (pc(p)) {
                case '(':
                    if (pc(p + 1) == ')') {
                        return startCapture(s, p + 2, CAP_POSITION);
                    }
                    return startCapture(s, p + 1, CAP_UNFINISHED);
                case ')':
                    return endCapture(s, p + 1);
                case 0:
                    return s;
                case ESC: {
                    int next = pc(p + 1);
                    if (next == 'b') {
                        s = matchBalance(s, p + 2);
                        if (s < 0) {
                            return -1;
                        }
                        p += 4;
                        continue;
                    }
                    if (next == 'f') {
                        p += 2;
                        if (pc(p) != '[') {
                            throw new LuaError("missing '[' after '%f' in pattern");
                        }
                        int ep = classEnd(p);
                        int previous = s == srcInit ? 0 : src[s - 1] & 0xff;
                        if (matchBracketClass(previous, p, ep - 1) || !matchBracketClass(sc(s), p, ep - 1)) {
                            return -1;
                        }
                        p = ep;
                        continue;
                    }
                    if (isDigit(next)) {
                        s = matchCapture(s, next);
                        if (s < 0) {
                            return -1;
                        }
                        p += 2;
                        continue;
                    }
                    break; // a single-character class
                }
                case '$':
                    if (pc(p + 1) == 0) {
                        return s == srcEnd ? s : -1;
                    }
                    break;
                default:
                    break;
            }
            // a pattern item: a single-character class, maybe with a repetition suffix
            int ep = classEnd(p);
            boolean m = s < srcEnd && singleMatch(src[s] & 0xff, p, ep);
            switch (pc(ep)) {
                case '?': {
                    if (m) {
                        int res = doMatch(s + 1, ep + 1);
                        if (res >= 0) {
                            return res;
                        }
                    }
                    p = ep + 1;
                    continue;
                }
                case '*':
                    return maxExpand(s, p, ep);
                case '+':
                    return m ? maxExpand(s + 1, p, ep) : -1;
                case '-':
                    return minExpand(s, p, ep);
                default:
                    if (!m) {
                        return -1;
                    }
                    s++;
                    p = ep;
                    continue;
            }
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < srcEnd && singleMatch(src[s + i] & 0xff, p, ep)) {
            i++;
        }
        for (; i >= 0; i--) {
            int res = doMatch(s + i, ep + 1);
            if (res >= 0) {
                return res;
            }
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int res = doMatch(s, ep + 1);
            if (res >= 0) {
                return res;
            }
            if (s < srcEnd && singleMatch(src[s] & 0xff, p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureInit[level] = s;
        captureLen[level] = what;
        level++;
        int res = doMatch(s, p);
        if (res < 0) {
            level--;
        }
        return res;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLen[l] = s - captureInit[l];
        int res = doMatch(s, p);
        if (res < 0) {
            captureLen[l] = CAP_UNFINISHED;
        }
        return res;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    /** {@code %1}..{@code %9} in a pattern: the text of an earlier, closed capture again. */
    private int matchCapture(int s, int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLen[l] == CAP_UNFINISHED) {
            throw new LuaError("invalid capture index");
        }
        int len = captureLen[l];
        if (len < 0 || srcEnd - s < len) {
            return -1; // a position capture never matches text
        }
        int init = captureInit[l];
        for (int k = 0; k < len; k++) {
            if (src[init + k] != src[s + k]) {
                return -1;
            }
        }
        return s + len;
    }

    private int matchBalance(int s, int p) {
        if (pc(p) == 0 || pc(p + 1) == 0) {
            throw new LuaError("unbalanced pattern");
        }
        int open = pc(p);
        int close = pc(p + 1);
        if (sc(s) != open) {
            return -1;
        }
        int depth = 1;
        while (++s < srcEnd) {
            int c = src[s] & 0xff;
            if (c == close) {
                if (--depth == 0) {
                    return s + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    /** The pattern index just after the single-character class starting at {@code p}. */
    private int classEnd(int p) {
        int c = pc(p++);
        if (c == ESC) {
            if (pc(p) == 0) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (pc(p) == '^') {
                p++;
            }
            do {
                if (pc(p) == 0) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                if (pc(p++) == ESC && pc(p) != 0) {
                    p++;
                }
            } while (pc(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        switch (pc(p)) {
            case '.':
                return true;
            case ESC:
                return matchClass(c, pc(p + 1));
            case '[':
                return matchBracketClass(c, p, ep - 1);
            default:
                return pc(p) == c;
        }
    }

    /** A set {@code [...]} from {@code p} (the {@code [}) to {@code ec} (the {@code ]}). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean sig = true;
        if (pc(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            if (pc(p) == ESC) {
                p++;
                if (matchClass(c, pc(p))) {
                    return sig;
                }
            } else if (pc(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pc(p - 2) <= c && c <= pc(p)) {
                    return sig;
                }
            } else if (pc(p) == c) {
                return sig;
            }
        }
        return !sig;
    }

    /** {@code %a}, {@code %d}...: the C library's ctype in the "C" locale (ASCII only). */
    public static boolean matchClass(int c, int cl) {
        boolean res;
        switch (toLower(cl)) {
            case 'a' -> res = isAlpha(c);
            case 'c' -> res = c < 32 || c == 127;
            case 'd' -> res = isDigit(c);
            case 'l' -> res = c >= 'a' && c <= 'z';
            case 'p' -> res = c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
            case 's' -> res = c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> res = c >= 'A' && c <= 'Z';
            case 'w' -> res = isAlpha(c) || isDigit(c);
            case 'x' -> res = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        return cl >= 'a' && cl <= 'z' ? res : !res;
    }

    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
