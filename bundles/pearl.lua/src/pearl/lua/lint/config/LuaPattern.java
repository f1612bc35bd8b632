package pearl.lua.lint.config;

import java.util.Objects;

import org.luaj.vm2.LuaString;

import pearl.lua.patterns.LuaPatterns;

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
		String p = wholeSubject && !endsWithAnchor(pattern) ? pattern + "$" : pattern;
		return matcher(subject, p).match(0, p.startsWith("^") ? 1 : 0) != NO_MATCH;
	}

	/** Whether the pattern matches anywhere in {@code subject}, as {@code string.find} does. */
	public boolean find(String subject) {
		Objects.requireNonNull(subject, "subject");
		LuaPatterns matcher = matcher(subject, pattern);
		if (pattern.startsWith("^")) {
			return matcher.match(0, 1) != NO_MATCH;
		}
		for (int s = 0; s <= matcher.subjectLength(); s++) {
			if (matcher.match(s, 0) != NO_MATCH) {
				return true;
			}
		}
		return false;
	}

	/** The board's own matcher, on the bytes of the strings. */
	private static LuaPatterns matcher(String subject, String pattern) {
		return new LuaPatterns(LuaString.valueOf(subject), LuaString.valueOf(pattern));
	}

	/** Whether {@code p} ends with an anchoring {@code $}, not an escaped {@code %$}. */
	private static boolean endsWithAnchor(String p) {
		if (!p.endsWith("$")) {
			return false;
		}
		int escapes = 0;
		for (int i = p.length() - 2; i >= 0 && p.charAt(i) == ESCAPE; i--) {
			escapes++;
		}
		return escapes % 2 == 0;
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
}
