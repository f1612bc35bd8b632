package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pearl.lua.tests.LintTesting.findings;
import static pearl.lua.tests.LintTesting.message;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.LuaSources;
import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;

/** The rules that read the firmware model: global-read, rom-write, unavailable-api, removed-api, unknown-member, arity. */
class FirmwareRulesTest {

	@Test
	void readingAGlobalNothingDefinesIsReported() {
		String code = """
				print(node.heap(), tmr.now(), string.format("%d", 1), _G, ROM, pairs, unpack)
				prnt("typo")
				print(config)
				""";
		assertEquals(List.of("2:1", "3:7"), findings("global-read", code));
		assertTrue(message("global-read", code).startsWith("reading global 'prnt'"));
	}

	@Test
	void aGlobalSetInTheProjectOrDeclaredIsDefined() {
		assertEquals(List.of(), findings("global-read", "print(config)\nconfig = {}\n"));
		assertEquals(List.of(), findings("global-read", "print(config)\n", new LintConfig().readGlobals(Set.of("config"))));
		List<LintIssue> project = new Linter(LintTesting.sources(), FirmwareModel.load(), LintRules.all(), new LintConfig())
				.lint(List.of(new Linter.Source("init.lua", "config = {ssid = 'x'}\ndofile('app.lua')\n"),
						new Linter.Source("app.lua", "print(config.ssid)\n")));
		assertEquals(List.of(), project.stream().filter(i -> i.code().equals("global-read")).toList(), "init.lua sets config");
	}

	@Test
	void writingIntoARomTableIsAnError() {
		String code = """
				string.trim = function(s) return s end
				function table.pack(...) return {...} end
				gpio.x = 1
				wifi.sta.extra = true
				local M = {}
				M.x = 1
				_G.answer = 42
				""";
		assertEquals(List.of("1:1", "2:10", "3:1", "4:1"), findings("rom-write", code));
		assertTrue(message("rom-write", code).contains("table is readonly"));
	}

	@Test
	void librariesAndFunctionsTheBoardLacksAreErrors() {
		String code = """
				local f = io.open("x")
				local t = os.time()
				local s = math.sin(1) + math.floor(2.5)
				local b = bit32.band(1, 3)
				local ok = bit.band(1, 3)
				""";
		assertEquals(List.of("1:11", "2:11", "3:11", "4:11"), findings("unavailable-api", code));
	}

	@Test
	void aModuleLeftOutOfTheBuildIsUnavailable() {
		String code = "local m = mqtt.Client('id', 120)\nlocal h = node.heap()\n";
		LuaSources sources = LintTesting.sources();
		FirmwareModel minimal = FirmwareModel.load().forProfile(BoardProfile.of(List.of("node", "tmr", "file"), BoardProfile.NumberType.FLOAT));
		List<LintIssue> issues = new Linter(sources, minimal, LintRules.all(), new LintConfig()).lint("init.lua", code).stream()
				.filter(i -> !i.code().equals("unused-local")).toList();
		assertEquals(List.of("unavailable-api@1:11"), issues.stream().map(i -> i.code() + "@" + i.line() + ":" + i.column()).toList());
		assertTrue(issues.get(0).message().contains("module 'mqtt' is not in this board's firmware build"));
		assertEquals(List.of(), findings("unavailable-api", code), "mqtt is in the default build");
	}

	@Test
	void staticTimersAndTheOldServerFormAreRemoved() {
		String code = """
				tmr.alarm(0, 1000, tmr.ALARM_AUTO, function() print("tick") end)
				tmr.stop(0)
				local srv = net.createServer(net.TCP, 30)
				local srv2 = net.createServer(30)
				""";
		assertEquals(List.of("1:1", "2:1", "3:13"), findings("removed-api", code));
		assertTrue(message("removed-api", code).contains("use tmr.create():alarm(interval_ms, mode, fn)"));
		assertEquals(List.of(), findings("arity", code), "the old createServer form is removed-api's, not arity's");
	}

	@Test
	void unknownMembersOfModulesAndObjectsAreErrorsWithASuggestion() {
		String code = """
				local t = tmr.creat()
				local timer = tmr.create()
				timer:strat()
				timer:start()
				local x = gpio.OUTPT
				""";
		assertEquals(List.of("1:11", "3:7", "5:11"), findings("unknown-member", code));
		assertEquals("'tmr' has no member 'creat'; did you mean 'create'?", message("unknown-member", code));
	}

	@Test
	void wrongArgumentCountsToFirmwareCallsAndMethods() {
		String code = """
				gpio.mode(4)
				gpio.mode(4, gpio.OUTPUT, gpio.PULLUP)
				gpio.mode(4, gpio.OUTPUT, gpio.PULLUP, 1)
				local t = tmr.create()
				t:alarm(1000, tmr.ALARM_AUTO)
				t:alarm(1000, tmr.ALARM_AUTO, function(timer) timer:unregister() end)
				node.task.post(function() end)
				print(node.heap(unpack({})))
				""";
		assertEquals(List.of("1:1", "3:1", "5:1"), findings("arity", code));
	}
}
