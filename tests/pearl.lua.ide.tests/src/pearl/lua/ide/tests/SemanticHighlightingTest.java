package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.highlighting.HighlightedRange;
import pearl.lua.ide.highlighting.LuaSemanticHighlighter;
import pearl.lua.ide.highlighting.TokenModifier;
import pearl.lua.ide.highlighting.TokenType;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.LintConfig;

/** What each name of NodeMCU code looks like: leaked globals, locals, upvalues, parameters, the firmware's names. */
class SemanticHighlightingTest {

	private static final String APP = """
			local total = 0
			count = 0
			local function tick(t)
			  count = count + 1
			  total = total + 1
			  t:start()
			end
			local timer = tmr.create()
			timer:alarm(1000, tmr.ALARM_AUTO, tick)
			""";

	private final LuaSemanticHighlighter highlighter = new LuaSemanticHighlighter();

	@Test
	void aLeakedGlobalLooksDifferentFromAProperLocalAtEveryUse() {
		Highlights h = new Highlights(Documents.parse("app.lua", APP), highlighter);
		for (int i = 0; i < 3; i++) {
			h.expect("count", i, TokenType.GLOBAL, TokenModifier.UNDECLARED_GLOBAL, i == 2 ? null : TokenModifier.MODIFICATION);
		}
		h.expect("total", 0, TokenType.LOCAL, TokenModifier.DECLARATION);
		h.expect("total", 1, TokenType.UPVALUE, TokenModifier.MODIFICATION);
		h.expect("total", 2, TokenType.UPVALUE);
		h.expect("tick", 0, TokenType.LOCAL, TokenModifier.DECLARATION);
		h.expect("tick", 1, TokenType.LOCAL);
		h.expect("timer", 1, TokenType.LOCAL);
	}

	@Test
	void aGlobalTheProjectDeclaresIsNotMarkedLeaked() {
		Highlights h = new Highlights(Documents.parse("app.lua", APP), new LuaSemanticHighlighter(new LintConfig().globals(Set.of("count"))));
		h.expect("count", 0, TokenType.GLOBAL, TokenModifier.MODIFICATION);
		h.expect("count", 2, TokenType.GLOBAL);
	}

	@Test
	void parametersAndMethodsAndTheFirmwaresNames() {
		Highlights h = new Highlights(Documents.parse("app.lua", APP), highlighter);
		h.expect("t", 0, TokenType.PARAMETER, TokenModifier.DECLARATION);
		h.expect("t", 1, TokenType.PARAMETER);
		h.expect("start", 0, TokenType.METHOD);
		h.expect("alarm", 0, TokenType.METHOD);
		h.expect("tmr", 0, TokenType.FIRMWARE_MODULE, TokenModifier.READONLY);
		h.expect("create", 0, TokenType.FIRMWARE_FUNCTION);
		h.expect("ALARM_AUTO", 0, TokenType.FIRMWARE_CONSTANT);
	}

	@Test
	void removedAndDeprecatedFirmwareFunctionsAndNestedModules() {
		Highlights h = new Highlights(Documents.parse("init.lua", """
				tmr.alarm(0, 1000, tmr.ALARM_AUTO, function() print(node.heap()) end)
				local index = node.flashindex("app")
				wifi.sta.config({ ssid = config.ssid })
				"""), highlighter);
		h.expect("alarm", 0, TokenType.FIRMWARE_FUNCTION, TokenModifier.DEPRECATED);
		h.expect("flashindex", 0, TokenType.FIRMWARE_FUNCTION, TokenModifier.DEPRECATED);
		h.expect("heap", 0, TokenType.FIRMWARE_FUNCTION);
		h.expect("print", 0, TokenType.FIRMWARE_FUNCTION);
		h.expect("sta", 0, TokenType.FIRMWARE_MODULE, TokenModifier.READONLY);
		h.expect("config", 0, TokenType.FIRMWARE_FUNCTION);
		h.expect("ssid", 0, TokenType.FIELD, TokenModifier.DECLARATION);
		// set by another file: a plain global here, not a leak of this file
		h.expect("config", 1, TokenType.GLOBAL);
		h.expect("ssid", 1, TokenType.FIELD);
	}

	@Test
	void aModuleFilesTablesMethodsAndSelf() {
		Highlights h = new Highlights(Documents.parse("sensor.lua", """
				local M = {}
				function M.read(pin) return dht.read(pin) end
				function M:start()
				  self.timer = tmr.create()
				  self.timer:alarm(2000, tmr.ALARM_AUTO, function() print(M.read(4), self) end)
				end
				local node = { heap = 0 }
				print(node.heap)
				return M
				"""), highlighter);
		h.expect("read", 0, TokenType.FIELD, TokenModifier.DECLARATION);
		h.expect("start", 0, TokenType.METHOD, TokenModifier.DECLARATION);
		h.expect("self", 0, TokenType.PARAMETER);
		h.expect("timer", 0, TokenType.FIELD, TokenModifier.MODIFICATION);
		h.expect("self", 1, TokenType.PARAMETER);
		h.expect("self", 2, TokenType.UPVALUE);
		h.expect("M", 3, TokenType.UPVALUE);
		h.expect("M", 4, TokenType.LOCAL);
		// a local that hides a firmware module is the script's own table
		h.expect("node", 1, TokenType.LOCAL);
		h.expect("heap", 1, TokenType.FIELD);
	}

	@Test
	void onlyNamesAreClassifiedInOrderWithoutOverlap() {
		LuaDocument document = Documents.parse("server.lua", """
				-- a web server: counts its hits
				local srv = net.createServer(net.TCP, 30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, data) sck:send("hits " .. 1) end)
				end)
				if srv then print("listening") end
				""");
		List<HighlightedRange> ranges = highlighter.highlight(document);
		int end = 0;
		for (HighlightedRange range : ranges) {
			String text = document.text().substring(range.range().offset(), range.range().end());
			assertTrue(text.matches("[A-Za-z_][A-Za-z0-9_]*"), text);
			assertFalse(Set.of("if", "then", "end", "function", "local").contains(text), text);
			assertTrue(range.range().offset() >= end, "overlap at " + text);
			end = range.range().end();
		}
		assertEquals(List.of("srv", "net", "createServer", "net", "TCP", "srv", "listen", "conn", "conn", "on", "sck", "data", "sck",
				"send", "srv", "print"), ranges.stream().map(r -> document.text().substring(r.range().offset(), r.range().end())).toList());
	}

	@Test
	void unfinishedCodeIsHighlightedAsFarAsItParses() {
		for (String text : List.of("", "local", "local t = tmr.", "tmr.create():", "function M:", "x = {", "count = count +", "\"open")) {
			highlighter.highlight(Documents.parse("app.lua", text));
		}
		Highlights h = new Highlights(Documents.parse("app.lua", "local t = tmr.create()\nt:alarm(1000, tmr.\n"), highlighter);
		h.expect("t", 0, TokenType.LOCAL, TokenModifier.DECLARATION);
		h.expect("tmr", 0, TokenType.FIRMWARE_MODULE, TokenModifier.READONLY);
	}

	@Test
	void everyPrefixOfAFileWhileTypingGivesOrderedNames() {
		for (int end = 0; end <= APP.length(); end++) {
			LuaDocument document = Documents.parse("app.lua", APP.substring(0, end));
			int previousEnd = 0;
			for (HighlightedRange range : highlighter.highlight(document)) {
				assertTrue(range.range().offset() >= previousEnd && range.range().end() <= document.text().length());
				previousEnd = range.range().end();
			}
		}
	}

	/** A document's highlights, looked up by the n-th occurrence of a name (as a whole word). */
	private record Highlights(LuaDocument document, List<HighlightedRange> ranges) {

		Highlights(LuaDocument document, LuaSemanticHighlighter highlighter) {
			this(document, highlighter.highlight(document));
		}

		void expect(String name, int occurrence, TokenType type, TokenModifier... modifiers) {
			int offset = offsetOf(name, occurrence);
			HighlightedRange range = ranges.stream().filter(r -> r.range().offset() == offset).findFirst()
					.orElseThrow(() -> new AssertionError("no highlight on " + name + " #" + occurrence));
			assertEquals(name.length(), range.range().length());
			assertEquals(type, range.type(), name + " #" + occurrence);
			Set<TokenModifier> expected = new java.util.HashSet<>();
			for (TokenModifier modifier : modifiers) {
				if (modifier != null) {
					expected.add(modifier);
				}
			}
			assertEquals(expected, range.modifiers(), name + " #" + occurrence);
		}

		private int offsetOf(String name, int occurrence) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(document.text());
			for (int i = 0; i <= occurrence; i++) {
				if (!m.find()) {
					throw new AssertionError(name + " occurs fewer than " + (occurrence + 1) + " times");
				}
			}
			return m.start();
		}
	}
}
