package pearl.lua.lint.config;

import java.util.Objects;

/**
 * A Lua 5.1 pattern (manual §5.4.1), matched the way {@code string.find} matches it, for the
 * warning patterns of luacheck configurations. Supported: single characters, {@code .}, the
 * classes {@code %a %c %d %l %p %s %u %w %x %z} and their upper-case negations, {@code %}
 * escapes of any other character, sets {@code [...]} with ranges, classes and a leading
 * {@code ^}, the quantifiers {@code * + - ?}, {@code %bxy}, {@code %f[set]} and the anchors
 * {@code ^} and {@code $}. Parentheses (captures) are accepted and only group nothing, since a
 * warning filter needs no captured text; back references ({@code %1}) are rejected.
 * <p>
 * Characters are classified as in the C locale, which is what luacheck's Lua uses.
 */
public final class LuaPattern {

	private static final char ESCAPE = '%';
	private static final int NO_MATCH = -1;

	private final String pattern;

	private LuaPattern(String pattern) {
		this.pattern = pattern;
	}

	/**
	 * Checks and keeps {@code pattern}.
	 *
	 * @throws IllegalArgumentException when the pattern is malformed, with Lua's words for it
	 */
	public static LuaPattern compile(String pattern) {
		Objects.requireNonNull(pattern, "pattern");
		validate(pattern);
		return new LuaPattern(pattern);
	}

	/** The pattern's text. */
	public String pattern() {
		return pattern;
	}

	/**
	 * Whether the pattern matches a prefix of {@code subject} starting at its first character
	 * (the whole of {@code subject} when {@code wholeSubject}). A leading {@code ^} is redundant
	 * here and allowed; a trailing unescaped {@code $} requires the match to reach the end.
	 */
	public boolean matchesAtStart(String subject, boolean wholeSubject) {
		Objects.requireNonNull(subject, "subject");
		int p = pattern.startsWith("^") ? 1 : 0;
		return new Matcher(subject, pattern, wholeSubject).match(0, p) != NO_MATCH;
	}

	/** Whether the pattern matches anywhere in {@code subject}, as {@code string.find} does. */
	public boolean find(String subject) {
		Objects.requireNonNull(subject, "subject");
		if (pattern.startsWith("^")) {
			return new Matcher(subject, pattern, false).match(0, 1) != NO_MATCH;
		}
		Matcher matcher = new Matcher(subject, pattern, false);
		for (int s = 0; s <= subject.length(); s++) {
			if (matcher.match(s, 0) != NO_MATCH) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return pattern;
	}

	/** Rejects what Lua would reject while matching, so errors show up when the pattern is read. */
	private static void validate(String p) {
		int i = p.startsWith("^") ? 1 : 0;
		while (i < p.length()) {
			char c = p.charAt(i);
			if (c == '(' || c == ')') {
				i++;
				continue;
			}
			if (c == '$' && i == p.length() - 1) {
				return;
			}
			if (c == ESCAPE && i + 1 < p.length()) {
				char e = p.charAt(i + 1);
				if (e == 'b') {
					if (i + 3 >= p.length()) {
						throw new IllegalArgumentException("missing arguments to '%b' in pattern '" + p + "'");
					}
					i += 4;
					continue;
				}
				if (e == 'f') {
					if (i + 2 >= p.length() || p.charAt(i + 2) != '[') {
						throw new IllegalArgumentException("missing '[' after '%f' in pattern '" + p + "'");
					}
					i = classEnd(p, i + 2);
					continue;
				}
				if (e >= '0' && e <= '9') {
					throw new IllegalArgumentException("back references such as '%" + e + "' are not supported in pattern '" + p + "'");
				}
			}
			i = classEnd(p, i);
			if (i < p.length() && "*+-?".indexOf(p.charAt(i)) >= 0) {
				i++;
			}
		}
	}

	/** The index just after the single-character class starting at {@code i}. */
	private static int classEnd(String p, int i) {
		char c = p.charAt(i++);
		if (c == ESCAPE) {
			if (i >= p.length()) {
				throw new IllegalArgumentException("malformed pattern (ends with '%') '" + p + "'");
			}
			return i + 1;
		}
		if (c == '[') {
			if (i < p.length() && p.charAt(i) == '^') {
				i++;
			}
			do { // the first character of a set may be ']' itself
				if (i >= p.length()) {
					throw new IllegalArgumentException("malformed pattern (missing ']') '" + p + "'");
				}
				char s = p.charAt(i++);
				if (s == ESCAPE) {
					if (i >= p.length()) {
						throw new IllegalArgumentException("malformed pattern (missing ']') '" + p + "'");
					}
					i++;
				}
			} while (i >= p.length() || p.charAt(i) != ']');
			return i + 1;
		}
		return i;
	}

	/** One match attempt over one subject: the backtracking matcher of Lua's manual. */
	private static final class Matcher {
		private final String s;
		private final String p;
		private final boolean toEnd;

		Matcher(String subject, String pattern, boolean toEnd) {
			this.s = subject;
			this.p = pattern;
			this.toEnd = toEnd;
		}

		/** Matches pattern from {@code pi} at subject position {@code si}; the match's end or NO_MATCH. */
		int match(int si, int pi) {
			while (true) {
				if (pi == p.length()) {
					return toEnd && si != s.length() ? NO_MATCH : si;
				}
				char c = p.charAt(pi);
				if (c == '(' || c == ')') {
					pi++;
					continue;
				}
				if (c == '$' && pi + 1 == p.length()) {
					return si == s.length() ? si : NO_MATCH;
				}
				if (c == ESCAPE && pi + 1 < p.length() && p.charAt(pi + 1) == 'b') {
					si = balanced(si, p.charAt(pi + 2), p.charAt(pi + 3));
					if (si == NO_MATCH) {
						return NO_MATCH;
					}
					pi += 4;
					continue;
				}
				if (c == ESCAPE && pi + 1 < p.length() && p.charAt(pi + 1) == 'f') {
					int setStart = pi + 2;
					int end = classEnd(p, setStart);
					char previous = si == 0 ? '\0' : s.charAt(si - 1);
					char current = si < s.length() ? s.charAt(si) : '\0';
					if (inSet(previous, setStart, end - 1) || !inSet(current, setStart, end - 1)) {
						return NO_MATCH;
					}
					pi = end;
					continue;
				}
				int ep = classEnd(p, pi);
				char quantifier = ep < p.length() ? p.charAt(ep) : '\0';
				boolean here = si < s.length() && singleMatch(s.charAt(si), pi, ep);
				switch (quantifier) {
				case '?': {
					if (here) {
						int result = match(si + 1, ep + 1);
						if (result != NO_MATCH) {
							return result;
						}
					}
					pi = ep + 1;
					continue;
				}
				case '*':
					return maxExpand(si, pi, ep);
				case '+':
					return here ? maxExpand(si + 1, pi, ep) : NO_MATCH;
				case '-':
					return minExpand(si, pi, ep);
				default:
					if (!here) {
						return NO_MATCH;
					}
					si++;
					pi = ep;
				}
			}
		}

		/** Greedy repetition: the longest run first, then shorter ones. */
		private int maxExpand(int si, int pi, int ep) {
			int count = 0;
			while (si + count < s.length() && singleMatch(s.charAt(si + count), pi, ep)) {
				count++;
			}
			for (; count >= 0; count--) {
				int result = match(si + count, ep + 1);
				if (result != NO_MATCH) {
					return result;
				}
			}
			return NO_MATCH;
		}

		/** Lazy repetition: the shortest run first, then longer ones. */
		private int minExpand(int si, int pi, int ep) {
			while (true) {
				int result = match(si, ep + 1);
				if (result != NO_MATCH) {
					return result;
				}
				if (si < s.length() && singleMatch(s.charAt(si), pi, ep)) {
					si++;
				} else {
					return NO_MATCH;
				}
			}
		}

		private int balanced(int si, char open, char close) {
			if (si >= s.length() || s.charAt(si) != open) {
				return NO_MATCH;
			}
			int depth = 1;
			for (int i = si + 1; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == close) {
					if (--depth == 0) {
						return i + 1;
					}
				} else if (c == open) {
					depth++;
				}
			}
			return NO_MATCH;
		}

		/** Whether {@code c} matches the class at {@code p[pi, ep)}. */
		private boolean singleMatch(char c, int pi, int ep) {
			char first = p.charAt(pi);
			if (first == '.') {
				return true;
			}
			if (first == ESCAPE) {
				return classMatches(c, p.charAt(pi + 1));
			}
			if (first == '[') {
				return inSet(c, pi, ep - 1);
			}
			return first == c;
		}

		/** Whether {@code c} is in the set {@code p[open..close]} (the brackets included). */
		private boolean inSet(char c, int open, int close) {
			int i = open + 1;
			boolean negated = i < close && p.charAt(i) == '^';
			if (negated) {
				i++;
			}
			while (i < close) {
				char x = p.charAt(i);
				if (x == ESCAPE && i + 1 < close) {
					if (classMatches(c, p.charAt(i + 1))) {
						return !negated;
					}
					i += 2;
				} else if (i + 2 < close && p.charAt(i + 1) == '-') {
					if (x <= c && c <= p.charAt(i + 2)) {
						return !negated;
					}
					i += 3;
				} else {
					if (x == c) {
						return !negated;
					}
					i++;
				}
			}
			return negated;
		}
	}

	/** {@code %x} for a class letter {@code x} (upper case negates); any other {@code x} is itself. */
	static boolean classMatches(char c, char cls) {
		boolean result;
		switch (Character.toLowerCase(cls)) {
		case 'a' -> result = isAlpha(c);
		case 'c' -> result = c < 32 || c == 127;
		case 'd' -> result = c >= '0' && c <= '9';
		case 'l' -> result = c >= 'a' && c <= 'z';
		case 'p' -> result = isPunct(c);
		case 's' -> result = c == ' ' || c >= '\t' && c <= '\r';
		case 'u' -> result = c >= 'A' && c <= 'Z';
		case 'w' -> result = isAlpha(c) || c >= '0' && c <= '9';
		case 'x' -> result = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
		case 'z' -> result = c == 0;
		default -> {
			return cls == c; // an escaped non-letter, e.g. %. or %%
		}
		}
		return Character.isUpperCase(cls) ? !result : result;
	}

	private static boolean isAlpha(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private static boolean isPunct(char c) {
		return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
	}
}
