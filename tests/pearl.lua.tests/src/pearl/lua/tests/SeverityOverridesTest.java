package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Severity;
import pearl.lua.lint.SeverityOverrides;

/** Severities a user chose in the IDE's preferences, in place of the rules' defaults. */
class SeverityOverridesTest {

	private static final List<LintRule> RULES = LintRules.all();
	private static final LintRule GLOBAL_WRITE = rule("global-write");
	private static final LintRule ROM_WRITE = rule("rom-write");

	private static LintRule rule(String code) {
		return RULES.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	private static List<LintIssue> lint(String text, SeverityOverrides overrides) {
		return LintTesting.lint(text, overrides.applyTo(new LintConfig()));
	}

	@Test
	void aLeakedGlobalMadeAnErrorIsReportedAsAnError() {
		SeverityOverrides overrides = SeverityOverrides.none().with(GLOBAL_WRITE, Severity.ERROR);
		List<LintIssue> issues = lint("count = 1\n", overrides);
		assertEquals(List.of(Severity.ERROR), issues.stream().filter(i -> i.code().equals("global-write")).map(LintIssue::severity).toList());
	}

	@Test
	void aRuleTurnedOffReportsNothing() {
		SeverityOverrides overrides = SeverityOverrides.none().with(GLOBAL_WRITE, null);
		assertTrue(lint("count = 1\n", overrides).stream().noneMatch(i -> i.code().equals("global-write")));
		assertEquals(Optional.empty(), overrides.severityOf(GLOBAL_WRITE));
		assertEquals("off", overrides.wordOf(GLOBAL_WRITE));
	}

	@Test
	void untouchedRulesKeepTheirDefaults() {
		SeverityOverrides overrides = SeverityOverrides.none().with(GLOBAL_WRITE, Severity.INFO);
		assertEquals(Optional.of(Severity.ERROR), overrides.severityOf(ROM_WRITE));
		List<LintIssue> issues = lint("count = 1\ntmr.create = nil\n", overrides);
		assertTrue(issues.stream().anyMatch(i -> i.code().equals("rom-write") && i.severity() == Severity.ERROR), issues.toString());
		assertTrue(issues.stream().anyMatch(i -> i.code().equals("global-write") && i.severity() == Severity.INFO), issues.toString());
	}

	@Test
	void savedWordsReadBackAndDefaultsAreNotSaved() {
		SeverityOverrides overrides = SeverityOverrides.none().with(GLOBAL_WRITE, null).with(ROM_WRITE, Severity.WARNING)
				.with(rule("arity"), Severity.WARNING); // arity's default: nothing to save
		Map<String, String> words = overrides.words();
		assertEquals(Map.of("global-write", "off", "rom-write", "warning"), words);
		assertEquals(overrides, SeverityOverrides.fromWords(words, RULES));
	}

	@Test
	void settingsOfUnknownRulesOrWordsAreLeftOut() {
		SeverityOverrides read = SeverityOverrides.fromWords(Map.of("no-such-rule", "error", "global-write", "loud"), RULES);
		assertEquals(SeverityOverrides.none(), read);
	}
}
