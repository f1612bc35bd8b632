package pearl.lua.lint.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A luacheck warning pattern ({@code ignore}, {@code enable} and {@code only} take them), read so
 * that it selects Pearl findings. Written {@code CODE}, {@code CODE/NAME} or {@code NAME}, as in
 * luacheck: with a slash, the part before it matches the warning code and the part after it the
 * name the warning is about; without one, a pattern with a letter or an underscore matches the
 * name, any other the code. Both parts are Lua patterns ({@link LuaPattern}); a name pattern must
 * match the whole name, a code pattern the start of the code (so {@code 21} means 211, 212 and
 * 213 and {@code 1} every global warning), unless it ends in {@code $}.
 * <p>
 * Pearl's findings carry Pearl rule codes, so a luacheck code pattern selects a Pearl finding when
 * it matches one of the luacheck codes that map to the finding's rule:
 * <table>
 * <caption>luacheck codes and Pearl rules</caption>
 * <tr><th>luacheck</th><th>Pearl</th></tr>
 * <tr><td>011</td><td>syntax</td></tr>
 * <tr><td>111, 112</td><td>global-write</td></tr>
 * <tr><td>113</td><td>global-read</td></tr>
 * <tr><td>121, 122</td><td>rom-write</td></tr>
 * <tr><td>211, 212, 213, 221, 231, 232, 233, 241</td><td>unused-local</td></tr>
 * <tr><td>411, 412, 413, 421, 422, 423, 431, 432, 433</td><td>shadowed-local</td></tr>
 * </table>
 * A Pearl rule covers several luacheck codes, so {@code 212} (unused argument) selects every
 * {@code unused-local} finding, unused variables too. Pearl's own codes are accepted in place of a
 * code pattern and compared literally ({@code timer-leak}, {@code global-write/count}); a part is
 * taken for a Pearl code when it is kebab-case with a hyphen, or one of the one-word codes
 * {@code syntax} and {@code arity}.
 */
public final class WarningPattern {

	/** The luacheck codes each Pearl rule stands for. */
	private static final Map<String, List<String>> LUACHECK_CODES = Map.of(
			"syntax", List.of("011"),
			"global-write", List.of("111", "112"),
			"global-read", List.of("113"),
			"rom-write", List.of("121", "122"),
			"unused-local", List.of("211", "212", "213", "221", "231", "232", "233", "241"),
			"shadowed-local", List.of("411", "412", "413", "421", "422", "423", "431", "432", "433"));

	/** Pearl codes that a luacheck pattern would otherwise read as a variable name. */
	private static final Set<String> ONE_WORD_CODES = Set.of("syntax", "arity");

	private static final Pattern PEARL_CODE = Pattern.compile("[a-z]+(?:-[a-z]+)+");

	/** The pattern {@code ignore} stands for when given no patterns: every finding. */
	public static final WarningPattern ALL = new WarningPattern("<all>", null, null, null);

	private final String text;
	/** A Pearl code compared literally, or null. */
	private final String pearlCode;
	/** A luacheck code pattern, or null. */
	private final LuaPattern code;
	/** A name pattern, or null. */
	private final LuaPattern name;

	private WarningPattern(String text, String pearlCode, LuaPattern code, LuaPattern name) {
		this.text = text;
		this.pearlCode = pearlCode;
		this.code = code;
		this.name = name;
	}

	/**
	 * Reads a pattern.
	 *
	 * @throws IllegalArgumentException when it is empty or a part is not a valid Lua pattern
	 */
	public static WarningPattern parse(String pattern) {
		Objects.requireNonNull(pattern, "pattern");
		String text = pattern.strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("empty warning pattern");
		}
		int slash = text.indexOf('/');
		if (slash >= 0) {
			String codePart = text.substring(0, slash);
			LuaPattern namePattern = LuaPattern.compile(text.substring(slash + 1));
			if (isPearlCode(codePart)) {
				return new WarningPattern(text, codePart, null, namePattern);
			}
			return new WarningPattern(text, null, LuaPattern.compile(codePart), namePattern);
		}
		if (isPearlCode(text)) {
			return new WarningPattern(text, text, null, null);
		}
		if (text.chars().anyMatch(c -> Character.isLetter(c) || c == '_')) {
			return new WarningPattern(text, null, null, LuaPattern.compile(text));
		}
		return new WarningPattern(text, null, LuaPattern.compile(text), null);
	}

	/** Whether {@code part} names a Pearl rule rather than being a luacheck code or a name. */
	private static boolean isPearlCode(String part) {
		return ONE_WORD_CODES.contains(part) || PEARL_CODE.matcher(part).matches();
	}

	/** The luacheck codes that stand for the Pearl rule {@code pearlCode} (empty when none do). */
	public static List<String> luacheckCodesOf(String pearlCode) {
		return LUACHECK_CODES.getOrDefault(pearlCode, List.of());
	}

	/**
	 * Whether the pattern selects a finding of rule {@code pearlCode} about {@code subject}
	 * ({@code null} when the finding is about no name: then only patterns without a name part
	 * select it).
	 */
	public boolean matches(String pearlCode, String subject) {
		if (this == ALL) {
			return true;
		}
		if (name != null && (subject == null || !name.matchesAtStart(subject, true))) {
			return false;
		}
		if (this.pearlCode != null) {
			return this.pearlCode.equals(pearlCode);
		}
		if (code == null) {
			return true;
		}
		for (String luacheckCode : luacheckCodesOf(pearlCode)) {
			if (code.matchesAtStart(luacheckCode, false)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return text;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WarningPattern that && text.equals(that.text);
	}

	@Override
	public int hashCode() {
		return text.hashCode();
	}
}
