package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pearl.lua.tests.WarningPatternTest.issue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.config.InlineOptions;

/** {@code -- luacheck:} comments: what they say and which lines they cover. */
class InlineOptionsTest {

	@Test
	void aCommentBesideCodeCoversItsLineAndOneOnItsOwnLineTheRest() {
		InlineOptions options = InlineOptions.parse("""
				local a = 1 -- luacheck: ignore
				local b = 2
				-- luacheck: ignore 2
				local c = 3
				count = 0
				""");
		assertTrue(options.suppresses(issue(1, "unused-local", "a")));
		assertTrue(options.suppresses(issue(1, "global-write", "whatever")));
		assertFalse(options.suppresses(issue(2, "unused-local", "b")));
		assertTrue(options.suppresses(issue(4, "unused-local", "c")));
		assertTrue(options.suppresses(issue(40, "unused-local", "c")));
		assertFalse(options.suppresses(issue(5, "global-write", "count")));
	}

	@Test
	void pushAndPopBoundOptions() {
		InlineOptions options = InlineOptions.parse("""
				-- luacheck: push ignore foo
				foo()
				-- luacheck: pop
				foo()
				-- luacheck: push
				-- luacheck: ignore 113, globals inner
				bar()
				-- luacheck: pop
				bar()
				""");
		assertTrue(options.suppresses(issue(2, "global-read", "foo")));
		assertFalse(options.suppresses(issue(2, "global-read", "food")));
		assertFalse(options.suppresses(issue(4, "global-read", "foo")));
		assertTrue(options.suppresses(issue(7, "global-read", "bar")));
		assertEquals(Set.of("inner"), options.globalsAt(7));
		assertFalse(options.suppresses(issue(9, "global-read", "bar")));
		assertEquals(Set.of(), options.globalsAt(9));
		assertEquals(List.of(), options.problems());
	}

	@Test
	void globalsAndReadGlobals() {
		InlineOptions options = InlineOptions.parse("""
				-- luacheck: globals g1 g2, read globals r1
				x = g1
				y = 1 -- luacheck: globals y
				z = 2 --luacheck:read globals cfg (set by init.lua)
				""");
		assertEquals(Set.of("g1", "g2"), options.globalsAt(2));
		assertEquals(Set.of("r1"), options.readGlobalsAt(2));
		assertEquals(Set.of("g1", "g2", "y"), options.globalsAt(3));
		assertEquals(Set.of("g1", "g2"), options.globalsAt(4));
		assertEquals(Set.of("r1", "cfg"), options.readGlobalsAt(4));
		assertEquals(Set.of("r1"), options.readGlobalsAt(5));
	}

	@Test
	void noUnusedAndOtherSwitches() {
		InlineOptions options = InlineOptions.parse("""
				-- luacheck: no unused, no redefined
				local x
				local function f() end -- luacheck: unused
				""");
		assertTrue(options.suppresses(issue(2, "unused-local", "x")));
		assertTrue(options.suppresses(issue(2, "shadowed-local", "x")));
		assertFalse(options.suppresses(issue(2, "global-write", "x")));
		assertFalse(options.suppresses(issue(3, "unused-local", "f")));
	}

	@Test
	void inlineEnableOverturnsTheConfigurationFile() {
		LintConfig config = new LintConfig().ignore(List.of("2"));
		InlineOptions options = InlineOptions.parse("local self = 1\n-- luacheck: enable 21./self\nlocal self = 2\n");
		assertTrue(options.isSuppressed(issue(1, "unused-local", "self"), config));
		assertFalse(options.isSuppressed(issue(3, "unused-local", "self"), config));
		assertTrue(options.isSuppressed(issue(3, "unused-local", "other"), config));
		assertFalse(options.suppresses(issue(3, "unused-local", "other")));
	}

	@Test
	void onlyRealCommentsCount() {
		InlineOptions options = InlineOptions.parse("""
				local s = "-- luacheck: ignore"
				local t = [[
				-- luacheck: ignore
				]]
				--[[ luacheck: ignore ]] local u
				-- not luacheck: ignore
				local v
				""");
		for (int line = 1; line <= 7; line++) {
			assertFalse(options.suppresses(issue(line, "unused-local", "x")), "line " + line);
		}
	}

	@Test
	void aCommentAfterAMultiLineStringIsBesideCode() {
		InlineOptions options = InlineOptions.parse("local s = [[\nx\n]] -- luacheck: ignore\nlocal t\n");
		assertTrue(options.suppresses(issue(3, "unused-local", "s")));
		assertFalse(options.suppresses(issue(4, "unused-local", "t")));
	}

	@Test
	void stdIsRecordedAndProblemsAreListed() {
		InlineOptions options = InlineOptions.parse("""
				-- luacheck: std lua51+nodemcu
				-- luacheck: std +busted
				x = 1 -- luacheck: std max
				-- luacheck: frobnicate, ignore [x
				-- luacheck: pop
				-- luacheck: max line length 200, allow defined top, no unused args
				""");
		assertEquals(List.of("lua51", "nodemcu", "busted"), options.stdAt(2));
		assertEquals(List.of("max"), options.stdAt(3));
		assertEquals(List.of("lua51", "nodemcu"), options.stdAt(1));
		assertEquals(3, options.problems().size(), options.problems().toString());
		assertTrue(options.problems().get(0).startsWith("line 4: unknown inline option 'frobnicate'"));
		assertTrue(options.problems().get(1).startsWith("line 4: bad pattern '[x'"));
		assertTrue(options.problems().get(2).startsWith("line 5: 'pop' without a 'push'"));
	}

	@Test
	void syntaxErrorsAreNeverSuppressed() {
		InlineOptions options = InlineOptions.parse("-- luacheck: ignore\nlocal = 1\n");
		assertFalse(options.suppresses(new LintIssue("init.lua", 2, 7, 2, 8, pearl.lua.lint.Severity.ERROR, LintIssue.SYNTAX, "x", null)));
		assertTrue(options.suppresses(issue(2, "unused-local", "x")));
		assertFalse(InlineOptions.NONE.suppresses(issue(2, "unused-local", "x")));
	}
}
