package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.completion.CompletionProposal;
import pearl.lua.ide.completion.CompletionProposal.Kind;
import pearl.lua.ide.completion.LuaCompletions;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;

/** Completion as a user typing NodeMCU code sees it. */
class CompletionTest {

	private final LuaCompletions completions = new LuaCompletions();

	private List<CompletionProposal> complete(String name, String textWithCaret) {
		Documents.AtCaret at = Documents.withCaret(name, textWithCaret);
		return completions.complete(at.document(), null, at.caret());
	}

	private List<CompletionProposal> complete(String textWithCaret) {
		return complete("app.lua", textWithCaret);
	}

	private static List<String> labels(List<CompletionProposal> proposals) {
		return proposals.stream().map(CompletionProposal::label).toList();
	}

	private static Optional<CompletionProposal> find(List<CompletionProposal> proposals, String label) {
		return proposals.stream().filter(p -> p.label().equals(label)).findFirst();
	}

	private static CompletionProposal get(List<CompletionProposal> proposals, String label) {
		return find(proposals, label).orElseThrow(() -> new AssertionError(label + " not proposed among " + labels(proposals)));
	}

	private static void assertOffers(List<CompletionProposal> proposals, String... expected) {
		for (String label : expected) {
			get(proposals, label);
		}
	}

	private static void assertLacks(List<CompletionProposal> proposals, String... unexpected) {
		for (String label : unexpected) {
			assertTrue(find(proposals, label).isEmpty(), label + " should not be proposed: " + labels(proposals));
		}
	}

	// --- module members ---

	@Test
	void offersTimerModuleMembersWithSignaturesAndDocs() {
		List<CompletionProposal> proposals = complete("local t = tmr.|");
		assertOffers(proposals, "create", "now", "delay", "ALARM_SINGLE", "ALARM_AUTO");
		assertLacks(proposals, "alarm", "register", "print", "local", "tmr-single"); // removed static timers; no names or snippets after a dot
		CompletionProposal create = get(proposals, "create");
		assertEquals(Kind.FUNCTION, create.kind());
		assertEquals("tmr.create() -> tmr.timer", create.detail());
		assertTrue(create.documentation().contains("timer"), create.documentation());
		assertEquals("create()", create.insertText());
		assertEquals(new TextRange(14, 0), create.replace());
		CompletionProposal single = get(proposals, "ALARM_SINGLE");
		assertEquals(Kind.CONSTANT, single.kind());
		assertEquals("tmr.ALARM_SINGLE = 0", single.detail());
	}

	@Test
	void completesAModuleAtTheEndOfTheFileAndFiltersByThePartialName() {
		String text = "local t = tmr.create()\nt:alarm(500, tmr.ALARM_AUTO, function() print(tmr.now()) end)\ntmr.cr|";
		List<CompletionProposal> proposals = complete(text);
		assertEquals(List.of("create"), labels(proposals));
		assertEquals(new TextRange(text.indexOf("cr|"), 2), proposals.get(0).replace());

		assertOffers(complete("gpio.write(4, gpio.HIGH)\ntmr.|"), "create", "now");
	}

	@Test
	void requiredParametersBecomePlaceholdersUnlessACallFollows() {
		CompletionProposal delay = get(complete("tmr.de|"), "delay");
		assertTrue(delay.snippet());
		assertEquals("delay(${1:us})$0", delay.insertText());
		assertEquals("delay", get(complete("tmr.de|(100)"), "delay").insertText());
	}

	@Test
	void offersNestedTablesAndTheirMembers() {
		CompletionProposal sta = get(complete("wifi.|"), "sta");
		assertEquals(Kind.MODULE, sta.kind());
		assertOffers(complete("wifi.setmode(wifi.STATION)\nwifi.sta.|"), "config", "connect", "getip");
		// a local alias of a firmware table completes like the table itself
		assertOffers(complete("local sta = wifi.sta\nsta.|"), "config", "getip");
	}

	@Test
	void offersNoModuleThatTheBoardsBuildLacks() {
		FirmwareModel firmware = FirmwareModel.load().forProfile(BoardProfile.defaultBuild().without("mqtt"));
		String text = "local c = mqtt.";
		LuaDocument document = LuaDocument.parse(Documents.sources(), "/project/app.lua", text, firmware);
		assertTrue(completions.complete(document, null, text.length()).isEmpty());
		LuaDocument bare = LuaDocument.parse(Documents.sources(), "/project/app.lua", "mq", firmware);
		assertLacks(completions.complete(bare, null, 2), "mqtt");
		LuaDocument full = Documents.parse("app.lua", "mq");
		assertEquals(Kind.MODULE, get(completions.complete(full, null, 2), "mqtt").kind());
	}

	@Test
	void aLocalThatShadowsAModuleGetsNoModuleMembers() {
		assertTrue(complete("local tmr = 5\nprint(tmr.|)").isEmpty());
	}

	// --- object methods ---

	@Test
	void offersTimerMethodsOnATimerObject() {
		List<CompletionProposal> proposals = complete("local t = tmr.create()\nt:|");
		assertOffers(proposals, "alarm", "register", "start", "stop", "unregister");
		CompletionProposal alarm = get(proposals, "alarm");
		assertEquals(Kind.METHOD, alarm.kind());
		assertTrue(alarm.detail().startsWith("tmr.timer:alarm(interval_ms, mode, fn)"), alarm.detail());
		assertEquals("alarm(${1:interval_ms}, ${2:mode}, ${3:fn})$0", alarm.insertText());

		// in the middle of a file, where the parser reads `t:` together with the next line
		assertOffers(complete("local t = tmr.create()\nt:|\nprint(node.heap())\n"), "alarm", "start");
		assertOffers(complete("tmr.create():|"), "alarm", "register");
	}

	@Test
	void offersSocketMethodsOnTheParameterOfAServersCallback() {
		String server = """
				local srv = net.createServer(30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, data)
				    sck:|
				  end)
				end)
				""";
		List<CompletionProposal> proposals = complete(server);
		assertOffers(proposals, "send", "on", "close");
		assertTrue(get(proposals, "send").detail().startsWith("net.tcpsocket:send("), get(proposals, "send").detail());
		assertLacks(proposals, "listen"); // the server's method, not the connection's

		// the same while the callbacks are still unfinished
		assertOffers(complete("local srv = net.createServer(30)\nsrv:listen(80, function(conn)\n  conn:on(\"receive\", function(sck, data)\n    sck:|"),
				"send", "close");
	}

	@Test
	void offersStringMethodsOnStrings() {
		List<CompletionProposal> proposals = complete("local s = \"temp=%d\"\nprint(s:|)");
		assertOffers(proposals, "format", "sub", "find", "gsub", "match", "len", "byte", "rep", "lower", "upper", "gmatch", "reverse");
		assertLacks(proposals, "char", "dump"); // string.char and string.dump take no string first
		assertEquals("string:sub(i, [j]) -> string", get(proposals, "sub").detail());
		assertEquals("sub(${1:i})$0", get(proposals, "sub").insertText());

		assertOffers(complete("local line = \"t=\" .. tmr.now()\nline:|"), "upper", "sub");
		assertOffers(complete("print((\"%d bytes\"):|"), "format");
		assertTrue(complete("local n = 5\nn:|").isEmpty());
	}

	@Test
	void offersEventNamesInsideOn() {
		String text = "local srv = net.createServer(30)\nsrv:listen(80, function(conn)\n  conn:on(\"re|";
		List<CompletionProposal> proposals = complete(text);
		assertEquals(List.of("receive", "reconnection"), labels(proposals));
		CompletionProposal receive = proposals.get(0);
		assertEquals(Kind.EVENT, receive.kind());
		assertEquals(new TextRange(text.indexOf("re|"), 2), receive.replace());
		assertTrue(receive.detail().contains("function(sock, data)"), receive.detail());

		List<CompletionProposal> quoted = complete("local srv = net.createServer(30)\nsrv:listen(80, function(conn)\n  conn:on(|)\nend)");
		assertOffers(quoted, "\"receive\"", "\"sent\"", "\"disconnection\"");
	}

	// --- names in scope ---

	@Test
	void offersLocalsUpvaluesAndParametersInScopeOnly() {
		String text = """
				local count = 0
				do
				  local hidden = 1
				end
				for i = 1, 3 do print(i) end
				local function blink(pin)
				  local level = gpio.read(pin)
				  |
				end
				local later = 1
				""";
		List<CompletionProposal> proposals = complete(text);
		assertEquals(Kind.UPVALUE, get(proposals, "count").kind());
		assertEquals(Kind.UPVALUE, get(proposals, "blink").kind());
		assertEquals(Kind.PARAMETER, get(proposals, "pin").kind());
		assertEquals(Kind.LOCAL, get(proposals, "level").kind());
		assertLacks(proposals, "hidden", "i", "later");
		assertEquals("Declared on line 7.", get(proposals, "level").documentation());
	}

	@Test
	void showsTheFirmwareTypeOfALocal() {
		assertEquals("local timer: tmr.timer", get(complete("local timer = tmr.create()\nti|"), "timer").detail());
	}

	@Test
	void ranksNamesInScopeFirst() {
		List<String> labels = labels(complete("local function report(pin)\n  p|\nend"));
		assertEquals("pin", labels.get(0));
		assertTrue(labels.containsAll(List.of("print", "pairs", "pcall", "pwm")), labels.toString());
	}

	@Test
	void offersLocalsOfAnUnfinishedFunction() {
		String text = "local srv = net.createServer(30)\nsrv:listen(80, function(conn)\n  local greeting = \"hi\"\n  gr|";
		CompletionProposal greeting = get(complete(text), "greeting");
		assertEquals(Kind.LOCAL, greeting.kind());
		assertOffers(complete("local srv = net.createServer(30)\nsrv:listen(80, function(conn)\n  local greeting = \"hi\"\n  conn:|"), "send");
		// an unfinished if inside an unfinished function
		List<CompletionProposal> inIf = complete("local function check(pin)\n  if gpio.read(pin) == 1 then\n    local lit = true\n    |");
		assertEquals(Kind.LOCAL, get(inIf, "lit").kind());
		assertEquals(Kind.PARAMETER, get(inIf, "pin").kind());
		// a closed else branch does not leak into the code after the if
		assertLacks(complete("if node.heap() > 1000 then\n  local big = 1\nelse\n  local small = 2\nend\n|"), "big", "small");
		assertOffers(complete("if node.heap() > 1000 then\n  local big = 1\nelse\n  |\nend\n"), "if");
		assertLacks(complete("if node.heap() > 1000 then\n  local big = 1\nelse\n  |\nend\n"), "big");
		// the unfinished function in the middle of a file
		assertEquals(Kind.PARAMETER, get(complete("local function handler(sock, data)\n  so|\nlocal x = 1\n"), "sock").kind());
	}

	@Test
	void offersGlobalsSetAnywhereInTheProject() {
		LuaProject project = Documents.project("config.lua", "wifi_ssid = \"home\"\nwifi_pwd = \"secret\"\n", "app.lua", "print(wifi_ssid)\n");
		Documents.AtCaret at = Documents.withCaret("app.lua", "print(wifi_|)\n");
		List<CompletionProposal> proposals = completions.complete(at.document(), project, at.caret());
		CompletionProposal ssid = get(proposals, "wifi_ssid");
		assertEquals(Kind.GLOBAL, ssid.kind());
		assertEquals("Set in config.lua.", ssid.documentation());
		assertOffers(proposals, "wifi_pwd");
		// without the project only this file's own globals are known
		assertLacks(completions.complete(at.document(), null, at.caret()), "wifi_ssid");
		assertOffers(complete("led_pin = 4\nprint(le|)"), "led_pin");
	}

	@Test
	void offersFirmwareGlobalsAndKeywordsWhereAStatementStarts() {
		List<CompletionProposal> proposals = complete("gpio.mode(4, gpio.OUTPUT)\n|");
		assertOffers(proposals, "print", "tmr", "node", "wifi", "string", "require", "local", "function", "if", "return");
		assertEquals(Kind.MODULE, get(proposals, "node").kind());
		assertEquals(Kind.KEYWORD, get(proposals, "local").kind());
		CompletionProposal print = get(proposals, "print");
		assertEquals(Kind.FUNCTION, print.kind());
		assertTrue(print.documentation().contains("UART"), print.documentation());
		assertLacks(proposals, "io", "os"); // absent on the board

		List<CompletionProposal> inExpression = complete("local level = |");
		assertOffers(inExpression, "gpio", "function", "nil", "not");
		assertLacks(inExpression, "local", "while", "tmr-single");
		assertEquals(List.of("function"), labels(complete("local fun|")));
	}

	// --- snippets ---

	@Test
	void offersNodeMcuSnippetsWhereAStatementMayStart() {
		List<CompletionProposal> proposals = complete("local function start()\n  |\nend");
		CompletionProposal single = get(proposals, "tmr-single");
		assertEquals(Kind.SNIPPET, single.kind());
		assertTrue(single.snippet());
		assertTrue(single.insertText().startsWith("tmr.create():alarm(${1:1000}, tmr.ALARM_SINGLE, function()"), single.insertText());
		assertTrue(single.insertText().contains("$0"));
		assertTrue(get(proposals, "tmr-auto").insertText().contains("tmr.ALARM_AUTO"));
		assertLacks(proposals, "init-safe"); // only at the top of a file

		String server = get(proposals, "net-server").insertText();
		assertTrue(server.contains("conn:on(\"receive\", function(sock, data)"), server);
		assertTrue(server.contains("sock:send("), server);
		assertFalse(server.contains("conn:send"), "the receive callback must not capture the connection: " + server);
		// continuation lines keep the caret line's indentation
		assertTrue(server.contains("\n  ${1:server}:listen("), server);
	}

	@Test
	void startsANewInitLuaWithADelayedSafeStart() {
		List<CompletionProposal> proposals = complete("init.lua", "|");
		CompletionProposal safe = proposals.get(0);
		assertEquals("init-safe", safe.label());
		assertTrue(safe.insertText().contains("tmr.ALARM_SINGLE"), safe.insertText());
		assertTrue(safe.insertText().contains("${1:3000}"), safe.insertText());
		assertTrue(safe.insertText().contains("dofile(\"${2:app.lua}\")"), safe.insertText());
	}

	@Test
	void snippetsNeedTheirModulesInTheBuild() {
		FirmwareModel noNet = FirmwareModel.load().forProfile(BoardProfile.defaultBuild().without("net"));
		LuaDocument document = LuaDocument.parse(Documents.sources(), "/project/app.lua", "", noNet);
		List<CompletionProposal> proposals = completions.complete(document, null, 0);
		assertOffers(proposals, "tmr-single");
		assertLacks(proposals, "net-server");
	}

	// --- bad input ---

	@Test
	void offersNothingInCommentsStringsAndNumbers() {
		assertTrue(complete("-- call tmr.|").isEmpty());
		assertTrue(complete("print(\"tmr.|\")").isEmpty());
		assertTrue(complete("--[[ a long\n comment tmr.| ]]").isEmpty());
		assertTrue(complete("local x = 12|").isEmpty());
		assertTrue(complete("local t = tmr.create()\nx:|").isEmpty()); // unknown receiver
	}

	@Test
	void worksFarDownALongFile() {
		StringBuilder filler = new StringBuilder();
		for (int i = 0; i < 300; i++) {
			filler.append("local sample").append(i).append(" = adc.read(0) + tmr.now()\n");
		}
		assertOffers(complete("local early = 1\n" + filler + "tmr.|"), "create");
		assertEquals(Kind.LOCAL, get(complete("local early = 1\n" + filler + "ear|"), "early").kind());
		// a long comment or string opened far above the caret still holds it
		assertTrue(complete("--[[ notes\n" + filler + "tmr.|\n]]").isEmpty());
		assertTrue(complete("local page = [[\n" + filler + "tmr.|\n]]").isEmpty());
	}

	@Test
	void neverThrowsOnBrokenCodeOrOddOffsets() {
		String[] texts = { "", "local = = ) tmr.: sck:on(\"", "function f(a, b\n  a:\n  if then tmr.", "x = [[unfinished", "t:on(\"",
				"local t = tmr.create()\nt:alarm(1000, tmr.ALARM_AUTO, function(timer) timer:", "(((((" };
		for (String text : texts) {
			LuaDocument document = Documents.parse("app.lua", text);
			for (int offset = -1; offset <= text.length() + 1; offset++) {
				assertNotNull(completions.complete(document, null, offset));
			}
		}
		assertOffers(completions.complete(Documents.parse("app.lua", texts[5]), null, texts[5].length()), "stop", "unregister");
		assertTrue(completions.complete(null, null, 0).isEmpty());
	}
}
