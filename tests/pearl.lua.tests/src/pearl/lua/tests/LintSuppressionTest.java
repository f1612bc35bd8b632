package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pearl.lua.tests.LintTesting.findings;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;

/** Inline luacheck comments and configuration ignore patterns, applied by the linter. */
class LintSuppressionTest {

	@Test
	void anInlineIgnoreOnALineSilencesThatLineOnly() {
		String code = "a = 1 -- luacheck: ignore\nb = 2\nc = 3 -- luacheck: ignore 111\n";
		assertEquals(List.of("2:1"), findings("global-write", code));
	}

	@Test
	void anInlineGlobalsCommentDeclaresFromThereOn() {
		String code = "early = 1\n-- luacheck: globals early late\nlate = 2\nprint(undeclared)\n-- luacheck: read globals undeclared\nprint(undeclared)\n";
		assertEquals(List.of("1:1"), findings("global-write", code));
		assertEquals(List.of("4:7"), findings("global-read", code));
	}

	@Test
	void pushAndPopBoundAnIgnore() {
		String code = "-- luacheck: push ignore unused-local\nlocal a = 1\n-- luacheck: pop\nlocal b = 2\n";
		assertEquals(List.of("4:7"), findings("unused-local", code));
	}

	@Test
	void configurationIgnorePatternsUseLuacheckCodesAndNames() {
		String code = "local function f(self, unused) end\nreturn f\n";
		assertEquals(List.of("1:18", "1:24"), findings("unused-local", code));
		assertEquals(List.of("1:24"), findings("unused-local", code, new LintConfig().ignore(List.of("212/self"))));
		assertEquals(List.of(), findings("unused-local", code, new LintConfig().ignore(List.of("21"))));
	}

	@Test
	void syntaxErrorsCannotBeIgnored() {
		assertEquals(List.of("3:1"), findings("syntax", "-- luacheck: ignore\nif\n"));
	}
}
