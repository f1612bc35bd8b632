package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pearl.lua.tests.LintTesting.findings;
import static pearl.lua.tests.LintTesting.lint;
import static pearl.lua.tests.LintTesting.message;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.Severity;

/** global-write, unused-local and shadowed-local; syntax errors in lint output. */
class LocalRulesTest {

	@Test
	void settingAnUndeclaredGlobalIsReported() {
		String code = """
				local ok = 1
				count = 0
				function onTick() count = count + 1 end
				""";
		assertEquals(List.of("2:1", "3:10", "3:19"), findings("global-write", code));
		assertTrue(message("global-write", code).startsWith("setting global 'count'"));
	}

	@Test
	void declaredGlobalsMaySetAndLocalsNeverCount() {
		String code = "local count = 0\ncount = 1\nconfig = {}\n";
		assertEquals(List.of(), findings("global-write", code, new LintConfig().globals(Set.of("config"))));
	}

	@Test
	void unusedLocalsOfEveryKind() {
		String code = """
				local unused = 1
				local assigned; assigned = 2
				local function helper() end
				for i, v in pairs({}) do print(v) end
				local t = tmr.create()
				t:alarm(100, tmr.ALARM_SINGLE, function(timer) print("tick") end)
				local _ignored = 3
				""";
		assertEquals(List.of("1:7", "2:7", "3:16", "4:5", "6:41"), findings("unused-local", code));
		assertTrue(lint(code).stream().anyMatch(i -> i.message().equals("unused argument 'timer'; call it _ or _timer if the function must take it")));
	}

	@Test
	void aLocalReadByAClosureIsUsed() {
		assertEquals(List.of(), findings("unused-local", "local n = 0\nreturn function() return n end\n"));
	}

	@Test
	void shadowingAnOuterLocalOrRedefiningOneIsReported() {
		String code = """
				local x = 1
				local x = 2
				local function f(x) return x end
				do local y = x local y2 = y print(y2) end
				return f
				""";
		assertEquals(List.of("2:7", "3:18"), findings("shadowed-local", code));
		assertTrue(message("shadowed-local", code).contains("declared on line 1"));
	}

	@Test
	void aCallbackParameterNamedAfterItsOwnerIsTheFaqsAdviceNotAMistake() {
		String code = """
				local sck = net.createConnection()
				sck:on("receive", function(sck, data) sck:send(data) end)
				local other = 1
				sck:on("sent", function(other) print(other) end)
				""";
		assertEquals(List.of("4:25"), findings("shadowed-local", code));
	}

	@Test
	void aSyntaxErrorIsTheOnlyFindingOfItsFile() {
		List<LintIssue> issues = lint("count = 0\nif count then\n");
		assertEquals(1, issues.size(), issues.toString());
		LintIssue syntax = issues.get(0);
		assertEquals(LintIssue.SYNTAX, syntax.code());
		assertEquals(Severity.ERROR, syntax.severity());
		assertEquals(3, syntax.line());
		assertEquals("init.lua:3:1: error: 'end' expected near '<eof>' [syntax]", syntax.toText());
	}

	@Test
	void aRuleCanBeTurnedOffOrMadeAnError() {
		String code = "count = 0\n";
		assertEquals(List.of(), findings("global-write", code, new LintConfig().severity("global-write", null)));
		assertEquals(Severity.ERROR, lint(code, new LintConfig().severity("global-write", Severity.ERROR)).get(0).severity());
	}
}
