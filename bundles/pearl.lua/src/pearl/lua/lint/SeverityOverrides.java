package pearl.lua.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Severities a user chose for some rules, in place of the rules' defaults: what an editor's
 * preferences say, the counterpart of {@code pearl lint --rule CODE=LEVEL}. A rule can be made an
 * error, a warning or information, or turned off.
 *
 * <p>Precedence, as on the command line: these overrides form the base configuration, and the
 * project's {@code .luacheckrc} applies on top of it. So
 * <ul>
 * <li>the severity a finding is shown with comes from the overrides (a {@code .luacheckrc} has no
 * notion of severity);</li>
 * <li>{@code .luacheckrc}'s {@code ignore}/{@code only} and inline {@code -- luacheck: ignore}
 * comments still hide findings of a rule the overrides keep on: they are the project's shared,
 * versioned statement of what is not a problem, and CI's {@code pearl lint} honours them too;</li>
 * <li>a rule the overrides turn off is not run at all, so {@code .luacheckrc}'s {@code enable}
 * cannot bring it back: a user who asked not to see a rule does not see it.</li>
 * </ul>
 * Immutable.
 */
public final class SeverityOverrides {

	/** The word that turns a rule off, beside the {@link Severity#word() severity words}. */
	public static final String OFF = "off";

	private static final SeverityOverrides NONE = new SeverityOverrides(Map.of());

	private final Map<String, Optional<Severity>> byCode;

	private SeverityOverrides(Map<String, Optional<Severity>> byCode) {
		this.byCode = Collections.unmodifiableMap(byCode);
	}

	/** No overrides: every rule at its default severity. */
	public static SeverityOverrides none() {
		return NONE;
	}

	/**
	 * Overrides from words by rule code: {@code error}, {@code warning}, {@code info} or
	 * {@link #OFF}. Codes of rules not in {@code rules} and unknown words are left out, so that
	 * settings saved by another version of Pearl do no harm; so are words that repeat a rule's
	 * default.
	 */
	public static SeverityOverrides fromWords(Map<String, String> wordsByCode, List<LintRule> rules) {
		Map<String, Optional<Severity>> byCode = new LinkedHashMap<>();
		for (LintRule rule : rules) {
			String word = wordsByCode.get(rule.code());
			if (OFF.equals(word)) {
				byCode.put(rule.code(), Optional.empty());
			} else if (word != null && Severity.parse(word) != null && Severity.parse(word) != rule.defaultSeverity()) {
				byCode.put(rule.code(), Optional.of(Severity.parse(word)));
			}
		}
		return new SeverityOverrides(byCode);
	}

	/** These overrides with {@code rule} at {@code severity}, or off when it is null. */
	public SeverityOverrides with(LintRule rule, Severity severity) {
		Map<String, Optional<Severity>> changed = new LinkedHashMap<>(byCode);
		if (severity == rule.defaultSeverity()) {
			changed.remove(rule.code());
		} else {
			changed.put(rule.code(), Optional.ofNullable(severity));
		}
		return new SeverityOverrides(changed);
	}

	/** The severity {@code rule} gets, or empty when it is off. */
	public Optional<Severity> severityOf(LintRule rule) {
		return byCode.getOrDefault(rule.code(), Optional.of(rule.defaultSeverity()));
	}

	/** The word for {@code rule}'s severity: a {@link Severity#word()} or {@link #OFF}. */
	public String wordOf(LintRule rule) {
		return severityOf(rule).map(Severity::word).orElse(OFF);
	}

	/** The overridden rules' words by code; rules at their default are not in it. */
	public Map<String, String> words() {
		Map<String, String> words = new LinkedHashMap<>();
		byCode.forEach((code, severity) -> words.put(code, severity.map(Severity::word).orElse(OFF)));
		return words;
	}

	/** Sets the overridden severities in {@code config} and returns it. */
	public LintConfig applyTo(LintConfig config) {
		byCode.forEach((code, severity) -> config.severity(code, severity.orElse(null)));
		return config;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SeverityOverrides overrides && overrides.byCode.equals(byCode);
	}

	@Override
	public int hashCode() {
		return Objects.hash(byCode);
	}

	@Override
	public String toString() {
		return "SeverityOverrides" + words();
	}
}
