package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.Severity;
import pearl.lua.lint.config.LuaPattern;
import pearl.lua.lint.config.WarningPattern;

/** Lua patterns, luacheck warning patterns mapped onto Pearl rules, and LintConfig's filter. */
class WarningPatternTest {

	static LintIssue issue(String code, String subject) {
		return issue(1, code, subject);
	}

	static LintIssue issue(int line, String code, String subject) {
		return new LintIssue("init.lua", line, 1, line, 2, Severity.WARNING, code, "message", subject);
	}

	/** Checks a table of {pattern, subject, expected} rows: whole-subject matches. */
	private static void assertWhole(Object[][] rows) {
		List<String> failures = new ArrayList<>();
		for (Object[] row : rows) {
			boolean actual = LuaPattern.compile((String) row[0]).matchesAtStart((String) row[1], true);
			if (actual != (Boolean) row[2]) {
				failures.add("'" + row[0] + "' on '" + row[1] + "' gave " + actual);
			}
		}
		assertEquals(List.of(), failures);
	}

	@Test
	void luaPatternsMatchTheWholeSubject() {
		assertWhole(new Object[][] {
				{ "21[12]", "211", true }, { "21[12]", "212", true }, { "21[12]", "213", false }, { "21[12]", "221", false },
				{ "2..", "231", true }, { "2..", "23", false }, { "2..", "2311", false },
				{ "%a+", "abcXYZ", true }, { "%a+", "ab1", false }, { "%A", "1", true }, { "%A", "a", false },
				{ "%d%d%d", "012", true }, { "%D+", "abc", true }, { "%l+", "abc", true }, { "%l+", "aBc", false },
				{ "%u%l+", "Foo", true }, { "%s*x", " \t\nx", true }, { "%S+", "a b", false },
				{ "%w+", "a1B2", true }, { "%W", "_", true }, { "%x+", "09afAF", true }, { "%x", "g", false },
				{ "%p+", "!.,;", true }, { "%p", "a", false }, { "%c", "\u0007", true }, { "%c", "a", false },
				{ "%.", ".", true }, { "%.", "a", false }, { "%%", "%", true }, { "a%-b", "a-b", true },
				{ ".", "x", true }, { ".", "", false }, { "x*", "", true }, { "x*", "xxx", true }, { "x+", "", false },
				{ "a?b", "b", true }, { "a?b", "ab", true }, { "a?b", "aab", false },
				{ "a.-b", "axxbxb", true }, { "a-b", "aaab", true }, { "a-", "aaa", true },
				{ "[abc]+", "cab", true }, { "[abc]+", "cabd", false }, { "[a-c]+", "abc", true }, { "[^a-c]+", "xyz", true },
				{ "[^a-c]", "b", false }, { "[%d_]+", "1_2", true }, { "[]]", "]", true }, { "[^]]", "]", false },
				{ "[a-]", "-", true }, { "[%a-]+", "foo-bar", true },
				{ "^self$", "self", true }, { "^self", "selfish", false }, { "foo_.*", "foo_bar", true }, { "foo_.*", "foo", false },
				{ "%b()", "(a(b)c)", true }, { "%b()", "(a(b)c", false }, { "%f[%w]%w+", "word", true },
				{ "(a)(b)", "ab", true }, { "()a", "a", true },
		});
	}

	@Test
	void luaPatternsMatchAtTheStartOrAnywhere() {
		assertTrue(LuaPattern.compile("21").matchesAtStart("212", false));
		assertFalse(LuaPattern.compile("12").matchesAtStart("212", false));
		assertFalse(LuaPattern.compile("21$").matchesAtStart("212", false));
		assertTrue(LuaPattern.compile("12").find("212"));
		assertFalse(LuaPattern.compile("^12").find("212"));
		assertTrue(LuaPattern.compile("%f[%a]bar").find("foo bar"));
		assertFalse(LuaPattern.compile("%f[%a]bar").find("foobar"));
	}

	@Test
	void malformedLuaPatternsAreRejectedWithLuasWords() {
		for (String bad : List.of("[a", "a%", "[%", "%b(", "%f", "%fa", "%1")) {
			assertThrows(IllegalArgumentException.class, () -> LuaPattern.compile(bad), bad);
		}
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LuaPattern.compile("[a")).getMessage().contains("missing ']'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LuaPattern.compile("a%")).getMessage().contains("ends with '%'"));
	}

	/** Rows of {pattern, Pearl code, subject (or null), expected}. */
	private static void assertSelects(Object[][] rows) {
		List<String> failures = new ArrayList<>();
		for (Object[] row : rows) {
			boolean actual = WarningPattern.parse((String) row[0]).matches((String) row[1], (String) row[2]);
			if (actual != (Boolean) row[3]) {
				failures.add("'" + row[0] + "' on " + row[1] + "/" + row[2] + " gave " + actual);
			}
		}
		assertEquals(List.of(), failures);
	}

	@Test
	void luacheckCodesSelectThePearlRulesTheyMapTo() {
		assertSelects(new Object[][] {
				{ "21[12]", "unused-local", "x", true }, { "21[12]", "shadowed-local", "x", false }, { "21[12]", "global-write", "x", false },
				{ "2..", "unused-local", "x", true }, { "2..", "global-read", "x", false }, { "2..", "shadowed-local", null, false },
				{ "2", "unused-local", null, true }, { "4.2", "shadowed-local", "y", true }, { "4", "unused-local", "y", false },
				{ "1", "global-write", "g", true }, { "1", "global-read", "g", true }, { "1", "rom-write", "g", true },
				{ "1", "unused-local", "g", false }, { "1", "unknown-member", "g", false },
				{ "11", "global-write", "g", true }, { "11", "global-read", "g", true }, { "11", "rom-write", "g", false },
				{ "113", "global-read", "g", true }, { "113", "global-write", "g", false }, { "12[12]", "rom-write", "g", true },
				{ "011", "syntax", null, true }, { "0", "syntax", null, true }, { "111$", "global-write", "g", true },
				{ "212$", "unused-local", "g", true }, { "21$", "unused-local", "g", false },
		});
	}

	@Test
	void namePartsMatchTheSubjectWhole() {
		assertSelects(new Object[][] {
				{ "212/self", "unused-local", "self", true }, { "212/self", "unused-local", "selfish", false },
				{ "212/self", "unused-local", null, false }, { "212/self", "shadowed-local", "self", false },
				{ "self", "unused-local", "self", true }, { "self", "shadowed-local", "self", true }, { "self", "timer-leak", "self", true },
				{ "foo_.*", "global-write", "foo_bar", true }, { "foo_.*", "unused-local", "foo_", true },
				{ "foo_.*", "global-write", "foo", false }, { "foo_.*", "global-write", "xfoo_bar", false },
				{ "foo_.*", "global-write", null, false }, { ".*_", "unused-local", "tmp_", true }, { "^_.*$", "unused-local", "_x", true },
				{ "4.2/.*_", "shadowed-local", "a_", true }, { "4.2/.*_", "shadowed-local", "a", false },
				{ "[ij]", "unused-local", "i", true }, { "[ij]", "unused-local", "k", false },
		});
	}

	@Test
	void pearlCodesStandInForLuacheckCodes() {
		assertSelects(new Object[][] {
				{ "timer-leak", "timer-leak", "t", true }, { "timer-leak", "timer-leak", null, true }, { "timer-leak", "blocking-call", null, false },
				{ "global-write/count", "global-write", "count", true }, { "global-write/count", "global-write", "counter", false },
				{ "global-write/count", "global-read", "count", false }, { "global-write/c.*", "global-write", "counter", true },
				{ "unknown-member", "unknown-member", "gpio.foo", true }, { "callback-captures-owner", "callback-captures-owner", null, true },
				{ "syntax", "syntax", null, true }, { "arity", "arity", "f", true }, { "arity", "syntax", null, false },
		});
		assertEquals(List.of("211", "212", "213", "221", "231", "232", "233", "241"), WarningPattern.luacheckCodesOf("unused-local"));
		assertEquals(List.of(), WarningPattern.luacheckCodesOf("timer-leak"));
		assertThrows(IllegalArgumentException.class, () -> WarningPattern.parse(" "));
		assertThrows(IllegalArgumentException.class, () -> WarningPattern.parse("21[2"));
	}

	@Test
	void lintConfigIgnoreEnableAndOnlyRunInOrder() {
		LintConfig config = new LintConfig().ignore(List.of("2")).enable(List.of("212/self"));
		assertTrue(config.isSuppressed(issue("unused-local", "x")));
		assertFalse(config.isSuppressed(issue("unused-local", "self")));
		assertFalse(config.isSuppressed(issue("global-write", "x")));

		LintConfig only = new LintConfig().only(List.of("1", "timer-leak"));
		assertFalse(only.isSuppressed(issue("global-read", "x")));
		assertFalse(only.isSuppressed(issue("timer-leak", null)));
		assertTrue(only.isSuppressed(issue("unused-local", "x")));
		assertTrue(only.isSuppressed(issue("blocking-call", null)));
		assertTrue(new LintConfig().only(List.of("1")).enable(List.of("blocking-call")).ignore(List.of("113"))
				.isSuppressed(issue("global-read", "x")));
	}

	@Test
	void syntaxErrorsAreNeverSuppressed() {
		LintConfig config = new LintConfig().ignore(List.of("0", "syntax", ".*")).only(List.of("timer-leak"));
		assertFalse(config.isSuppressed(issue(LintIssue.SYNTAX, null)));
		assertTrue(config.isSuppressed(issue("global-write", "x")));
	}

	@Test
	void aCopyIsIndependentAndTheOldMethodsBehaveAsBefore() {
		LintConfig original = new LintConfig().globals(Set.of("a")).readGlobals(Set.of("r")).severity("unused-local", null)
				.ignore(List.of("timer-leak"));
		LintConfig copy = original.copy().globals(Set.of("b")).replaceReadGlobals(Set.of("s")).severity("global-write", Severity.ERROR)
				.ignore(List.of("2"));
		LintRule globalWrite = rule("global-write", Severity.WARNING);
		LintRule unusedLocal = rule("unused-local", Severity.WARNING);

		assertTrue(original.isDeclaredGlobal("a"));
		assertFalse(original.isDeclaredGlobal("b"));
		assertTrue(original.isReadableGlobal("r"));
		assertFalse(original.isReadableGlobal("s"));
		assertEquals(Severity.WARNING, original.severityOf(globalWrite).orElseThrow());
		assertTrue(original.severityOf(unusedLocal).isEmpty());
		assertFalse(original.configures("global-write"));
		assertFalse(original.isSuppressed(issue("unused-local", "x")));
		assertTrue(original.isSuppressed(issue("timer-leak", null)));

		assertTrue(copy.isDeclaredGlobal("a") && copy.isDeclaredGlobal("b"));
		assertEquals(Set.of("s"), copy.declaredReadGlobals());
		assertEquals(Severity.ERROR, copy.severityOf(globalWrite).orElseThrow());
		assertTrue(copy.severityOf(unusedLocal).isEmpty());
		assertTrue(copy.isSuppressed(issue("unused-local", "x")));
		assertTrue(copy.isSuppressed(issue("timer-leak", null)));
		assertEquals(Set.of("z"), copy.replaceGlobals(Set.of("z")).declaredGlobals());
		assertThrows(IllegalArgumentException.class, () -> new LintConfig().ignore(List.of("[x")));
	}

	private static LintRule rule(String code, Severity severity) {
		return new LintRule() {
			@Override
			public String code() {
				return code;
			}

			@Override
			public String summary() {
				return code;
			}

			@Override
			public Severity defaultSeverity() {
				return severity;
			}

			@Override
			public void check(pearl.lua.lint.LintContext context) {
			}
		};
	}
}
