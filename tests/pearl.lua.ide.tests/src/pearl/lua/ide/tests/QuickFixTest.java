package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.fixes.FileEdits;
import pearl.lua.ide.fixes.LuaQuickFixes;
import pearl.lua.ide.fixes.QuickFix;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;
import pearl.lua.lint.Severity;
import pearl.lua.lint.config.LuacheckConfig;

/**
 * Quick fixes for real findings of the linter: each applied fix makes its finding go away and
 * leaves code that parses.
 */
class QuickFixTest {

	private static final String FILE = "/project/init.lua";
	private static final LuaQuickFixes FIXES = new LuaQuickFixes();

	@Test
	void makesAGlobalLocalAtItsFirstAssignment() {
		String text = """
				count = 0
				function tick()
				  count = count + 1
				  print("tick", count)
				end
				""";
		QuickFix fix = fix(text, "global-write", "count", "Make 'count' local");
		assertTrue(fix.preferred());
		assertEquals(text.replace("count = 0", "local count = 0"), applyAndCheck(text, fix, "global-write", "count"));
		QuickFix function = fix(text, "global-write", "tick", "Make 'tick' local");
		assertEquals(text.replace("function tick", "local function tick"), applyAndCheck(text, function, "global-write", "tick"));
	}

	@Test
	void declaresTheLocalBeforeTheFirstUseWhenAssignedInBranches() {
		String text = """
				local function connect()
				  if wifi.sta.getip() then
				    ip = wifi.sta.getip()
				  else
				    ip = "none"
				  end
				  print(ip)
				end
				connect()
				""";
		QuickFix fix = fix(text, "global-write", "ip", "Make 'ip' local");
		assertFalse(fix.preferred());
		assertEquals(text.replace("  if wifi", "  local ip\n  if wifi"), applyAndCheck(text, fix, "global-write", "ip"));
		// reading the global in its own assignment: the local cannot start there
		String counter = "hits = (hits or 0) + 1\nprint(hits)\n";
		assertEquals("local hits\nhits = (hits or 0) + 1\nprint(hits)\n",
				applyAndCheck(counter, fix(counter, "global-write", "hits", "Make 'hits' local"), "global-write", "hits"));
	}

	@Test
	void makingLocalIsNotPreferredWhenAnotherFileUsesTheGlobal() {
		String init = "config = { ssid = \"home\" }\ndofile(\"app.lua\")\n";
		LuaProject project = Documents.project("init.lua", init, "app.lua", "print(config.ssid)\n");
		LuaDocument document = project.document(FILE).orElseThrow();
		LintIssue issue = finding(init, "global-write", "config");
		QuickFix fix = FIXES.fixes(document, project, issue).get(0);
		assertEquals("Make 'config' local", fix.title());
		assertFalse(fix.preferred());
	}

	@Test
	void callbackUsesItsOwnParameterInsteadOfTheCapturedSocket() {
		String text = """
				local srv = net.createServer(30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, request)
				    conn:send("HTTP/1.1 200 OK\\r\\n\\r\\n" .. request)
				  end)
				  conn:on("sent", function(s) conn:close() end)
				end)
				""";
		assertEquals(2, lint(text).stream().filter(i -> i.code().equals("callback-captures-owner")).count());
		QuickFix fix = fix(text, "callback-captures-owner", "conn", "Use the callback's own parameter 'sck'");
		assertTrue(fix.preferred());
		String fixed = apply(text, fix);
		assertTrue(fixed.contains("    sck:send(\"HTTP/1.1 200 OK"), fixed);
		List<LintIssue> after = lint(fixed).stream().filter(i -> i.code().equals("callback-captures-owner")).toList();
		assertEquals(1, after.size());
		assertEquals(6, after.get(0).line()); // only the "sent" callback is left
	}

	@Test
	void aTimerCallbackWithoutParametersGetsTheTimerAsOne() {
		String text = """
				local blink = tmr.create()
				blink:alarm(500, tmr.ALARM_AUTO, function()
				  gpio.write(4, gpio.read(4) == gpio.HIGH and gpio.LOW or gpio.HIGH)
				  if node.heap() < 4096 then blink:unregister() end
				end)
				""";
		QuickFix fix = fix(text, "callback-captures-owner", "blink", "Use the callback's own parameter 'timer'");
		String fixed = applyAndCheck(text, fix, "callback-captures-owner", "blink");
		assertTrue(fixed.contains("function(timer)\n"), fixed);
		assertTrue(fixed.contains("then timer:unregister() end"), fixed);
	}

	@Test
	void aServersConnectionCallbackIsNotGivenTheServer() {
		// listen's callback gets the new connection, not the server: no rewrite, only the suppression
		String text = "local srv = net.createServer(30)\nsrv:listen(80, function(conn) conn:send(\"bye\") srv:close() end)\n";
		LintIssue issue = finding(text, "callback-captures-owner", "srv");
		List<QuickFix> fixes = FIXES.fixes(Documents.parse("init.lua", text), null, issue);
		assertEquals(List.of("Suppress with a comment (luacheck: ignore callback-captures-owner)"),
				fixes.stream().map(QuickFix::title).toList());
	}

	@Test
	void migratesAStaticTimerToATimerObject() {
		String text = "wifi.setmode(wifi.STATION)\ntmr.alarm(0, 3000, tmr.ALARM_SINGLE, function() dofile(\"app.lua\") end)\n";
		QuickFix fix = fix(text, "removed-api", "tmr.alarm", "Use a tmr.create() timer");
		assertTrue(fix.preferred());
		assertEquals("wifi.setmode(wifi.STATION)\ntmr.create():alarm(3000, tmr.ALARM_SINGLE, function() dofile(\"app.lua\") end)\n",
				applyAndCheck(text, fix, "removed-api", "tmr.alarm"));
	}

	@Test
	void aStaticTimerIdUsedElsewhereBecomesALocalTimer() {
		String text = """
				tmr.register(1, 500, tmr.ALARM_AUTO, function()
				  gpio.write(4, gpio.read(4) == gpio.HIGH and gpio.LOW or gpio.HIGH)
				end)
				tmr.start(1)
				tmr.alarm(2, 100, tmr.ALARM_SINGLE, function() print("other timer") end)
				function stopBlink()
				  tmr.stop( 1 )
				end
				""";
		String expected = """
				local t = tmr.create()
				t:register(500, tmr.ALARM_AUTO, function()
				  gpio.write(4, gpio.read(4) == gpio.HIGH and gpio.LOW or gpio.HIGH)
				end)
				t:start()
				tmr.alarm(2, 100, tmr.ALARM_SINGLE, function() print("other timer") end)
				function stopBlink()
				  t:stop()
				end
				""";
		QuickFix fix = fix(text, "removed-api", "tmr.register", "Use a tmr.create() timer");
		assertEquals(expected, applyAndCheck(text, fix, "removed-api", "tmr.register"));
		assertTrue(lint(expected).stream().noneMatch(i -> Objects.equals(i.subject(), "tmr.stop") || Objects.equals(i.subject(), "tmr.start")));
		// the same fix from the finding on tmr.stop(1)
		assertEquals(expected, apply(text, fix(text, "removed-api", "tmr.stop", "Use a tmr.create() timer")));
		// a static call whose timer is set up elsewhere cannot be migrated here
		String alone = "tmr.stop(3)\n";
		assertTrue(FIXES.fixes(Documents.parse("init.lua", alone), null, finding(alone, "removed-api", "tmr.stop")).stream()
				.noneMatch(f -> f.title().startsWith("Use a tmr.create")));
	}

	@Test
	void addsTheGlobalToTheLuacheckrcOnDisk() throws IOException {
		Path root = Files.createTempDirectory("pearl-fixes");
		try {
			String init = "config = { ssid = \"home\" }\nprint(sensor)\n";
			LuaProject project = new LuaProject(root);
			LuaDocument document = LuaDocument.parse(Documents.sources(), root.resolve("init.lua").toString(), init, FirmwareModel.load());
			project.put(document);
			Path rc = root.resolve(".luacheckrc");

			FileEdits created = luacheckrcEdits(document, project, init, "global-write", "config");
			assertTrue(created.createFile());
			assertEquals(rc.toString(), created.fileName());
			assertGone(init, TextEdit.apply("", created.edits()), "global-write", "config");

			Files.writeString(rc, "std = \"lua51\"\nglobals = {\"wifi_ok\"}\nread_globals = {\"x\"}\n");
			String oneLine = TextEdit.apply(Files.readString(rc), luacheckrcEdits(document, project, init, "global-read", "sensor").edits());
			assertEquals("std = \"lua51\"\nglobals = {\"wifi_ok\", \"sensor\"}\nread_globals = {\"x\"}\n", oneLine);
			assertGone(init, oneLine, "global-read", "sensor");

			Files.writeString(rc, "globals = {\n  \"wifi_ok\",\n  \"boot_count\" -- counted in init.lua\n}\n");
			String multiLine = TextEdit.apply(Files.readString(rc), luacheckrcEdits(document, project, init, "global-write", "config").edits());
			assertEquals("globals = {\n  \"wifi_ok\",\n  \"boot_count\",\n  \"config\" -- counted in init.lua\n}\n", multiLine);
			assertGone(init, multiLine, "global-write", "config");

			Files.writeString(rc, "max_line_length = false\nfiles[\"lfs/*.lua\"] = { globals = {\"LFS\"} }");
			String appended = TextEdit.apply(Files.readString(rc), luacheckrcEdits(document, project, init, "global-write", "config").edits());
			assertEquals("max_line_length = false\nfiles[\"lfs/*.lua\"] = { globals = {\"LFS\"} }\nglobals = {\"config\"}\n", appended);
			assertGone(init, appended, "global-write", "config");
		} finally {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void noLuacheckrcFixWithoutAProject() {
		String text = "config = {}\n";
		assertTrue(FIXES.fixes(Documents.parse("init.lua", text), null, finding(text, "global-write", "config")).stream()
				.noneMatch(f -> f.title().contains(".luacheckrc")));
	}

	@Test
	void suppressesEveryKindOfFindingForItsLineOnly() {
		String text = """
				local srv = net.createServer(30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, data) conn:send(data) end)
				end)
				heap = node.heap()
				print(undefinedThing)
				local t = tmr.create()
				t:alarm(1000, tmr.ALARM_AUTO, function(timer, unused) print(heap) end)
				tmr.delay(100)
				tmr.alarm(0, 1000, tmr.ALARM_SINGLE, print)
				for i = 1, 3 do print("x") end
				local never = 1
				""";
		List<LintIssue> issues = lint(text);
		assertTrue(issues.stream().map(LintIssue::code).distinct().count() >= 6, issues.toString());
		for (LintIssue issue : issues) {
			List<QuickFix> fixes = FIXES.fixes(Documents.parse("init.lua", text), null, issue);
			QuickFix suppress = fixes.get(fixes.size() - 1);
			assertTrue(suppress.title().startsWith("Suppress with a comment"), suppress.title());
			String fixed = apply(text, suppress);
			List<LintIssue> after = lint(fixed);
			assertTrue(after.stream().noneMatch(i -> i.code().equals(issue.code()) && i.line() == issue.line()
					&& Objects.equals(i.subject(), issue.subject())), issue + " in\n" + fixed);
			// the comment covers the findings of this rule on this line, and nothing else
			long sameRuleAndLine = issues.stream().filter(i -> i.code().equals(issue.code()) && i.line() == issue.line()).count();
			assertEquals(issues.size() - sameRuleAndLine, after.size(), fixed);
		}
	}

	@Test
	void suppressionRespectsCommentsAlreadyOnTheLine() {
		String text = "heap = node.heap() -- luacheck: ignore 113\nboot = 1 -- first boot\nprint(heap, boot)\n";
		QuickFix extended = suppress(text, finding(text, "global-write", "heap"));
		assertEquals("heap = node.heap() -- luacheck: ignore 113, ignore 111\nboot = 1 -- first boot\nprint(heap, boot)\n",
				applyAndCheck(text, extended, "global-write", "heap"));
		QuickFix wrapped = suppress(text, finding(text, "global-write", "boot"));
		String fixed = apply(text, wrapped);
		assertEquals("heap = node.heap() -- luacheck: ignore 113\n-- luacheck: push ignore 111\nboot = 1 -- first boot\n-- luacheck: pop\n"
				+ "print(heap, boot)\n", fixed);
		assertEquals(List.of("heap"), lint(fixed).stream().filter(i -> i.code().equals("global-write")).map(LintIssue::subject).toList());
	}

	@Test
	void neverThrowsOnStaleOrOddFindings() {
		LuaDocument broken = Documents.parse("init.lua", "if x then\n");
		LintIssue syntax = lint("if x then\n").get(0);
		assertEquals(LintIssue.SYNTAX, syntax.code());
		assertEquals(List.of(), FIXES.fixes(broken, null, syntax));
		LuaDocument empty = Documents.parse("init.lua", "");
		LintIssue stale = new LintIssue(FILE, 40, 3, 40, 9, Severity.WARNING, "global-write", "setting global 'x'", "x");
		assertEquals(List.of(), FIXES.fixes(empty, null, stale));
		LuaDocument other = Documents.parse("init.lua", "local a = 1\nprint(a)\n");
		for (String code : List.of("global-write", "global-read", "callback-captures-owner", "removed-api", "unused-local", "timer-leak")) {
			LintIssue wrong = new LintIssue(FILE, 2, 1, 2, 6, Severity.WARNING, code, "stale", null);
			assertTrue(FIXES.fixes(other, Documents.project(), wrong).stream().allMatch(f -> f.title().startsWith("Suppress")));
		}
	}

	private static List<LintIssue> lint(String text) {
		return lint(text, new LintConfig());
	}

	private static List<LintIssue> lint(String text, LintConfig config) {
		return new Linter(Documents.sources(), FirmwareModel.load(), LintRules.all(), config).lint(FILE, text);
	}

	private static LintIssue finding(String text, String code, String subject) {
		return lint(text).stream().filter(i -> i.code().equals(code) && Objects.equals(i.subject(), subject)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " for " + subject + " in " + lint(text)));
	}

	private static QuickFix fix(String text, String code, String subject, String titleStart) {
		List<QuickFix> fixes = FIXES.fixes(Documents.parse("init.lua", text), Documents.project("init.lua", text), finding(text, code, subject));
		return fixes.stream().filter(f -> f.title().startsWith(titleStart)).findFirst()
				.orElseThrow(() -> new AssertionError("no fix '" + titleStart + "' among " + fixes));
	}

	private static QuickFix suppress(String text, LintIssue issue) {
		return FIXES.fixes(Documents.parse("init.lua", text), null, issue).stream().filter(f -> f.title().startsWith("Suppress")).findFirst()
				.orElseThrow();
	}

	private static String apply(String text, QuickFix fix) {
		assertEquals(1, fix.changes().size(), fix.toString());
		assertEquals(FILE, fix.changes().get(0).fileName());
		return TextEdit.apply(text, fix.changes().get(0).edits());
	}

	/** Applies the fix, checks that the finding is gone and that the code still parses; returns the new text. */
	private static String applyAndCheck(String text, QuickFix fix, String code, String subject) {
		String fixed = apply(text, fix);
		List<LintIssue> after = lint(fixed);
		assertTrue(after.stream().noneMatch(i -> i.code().equals(LintIssue.SYNTAX)), fixed + after);
		assertTrue(after.stream().noneMatch(i -> i.code().equals(code) && Objects.equals(i.subject(), subject)), fixed + after);
		return fixed;
	}

	private static FileEdits luacheckrcEdits(LuaDocument document, LuaProject project, String text, String code, String subject) {
		QuickFix fix = FIXES.fixes(document, project, finding(text, code, subject)).stream().filter(f -> f.title().contains(".luacheckrc"))
				.findFirst().orElseThrow();
		assertEquals("Add '" + subject + "' to .luacheckrc globals", fix.title());
		return fix.changes().get(0);
	}

	/** The finding is gone when the linter reads the new .luacheckrc. */
	private static void assertGone(String init, String luacheckrc, String code, String subject) {
		LintConfig config = LuacheckConfig.parse(".luacheckrc", luacheckrc).configFor("init.lua", new LintConfig());
		assertTrue(lint(init, config).stream().noneMatch(i -> i.code().equals(code) && Objects.equals(i.subject(), subject)), luacheckrc);
	}
}
