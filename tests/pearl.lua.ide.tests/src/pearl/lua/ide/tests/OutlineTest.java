package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.ide.outline.LuaOutline;
import pearl.lua.ide.outline.OutlineSymbol;
import pearl.lua.ide.outline.OutlineSymbol.Kind;

/** The outline of NodeMCU files: modules with their functions, apps with their locals, servers with their callbacks. */
class OutlineTest {

	private static final String SENSOR_MODULE = """
			-- sensor.lua: reads the DHT sensor on a timer
			local M = {}
			local pin = 4
			M.interval = 2000

			function M.read()
			  local status, temp = dht.read(pin)
			  return temp
			end

			function M:start(period)
			  self.timer = tmr.create()
			  self.timer:alarm(period or M.interval, tmr.ALARM_AUTO, function(t)
			    print(M.read())
			  end)
			end

			local function round(x, ...)
			  return math.floor(x + 0.5)
			end

			return M
			""";

	private static final String TCP_SERVER = """
			local led = 4
			gpio.mode(led, gpio.OUTPUT)
			count = 0
			local srv = net.createServer(net.TCP, 30)
			srv:listen(80, function(conn)
			  conn:on("receive", function(sck, data)
			    count = count + 1
			    sck:send("HTTP/1.0 200 OK\\r\\n\\r\\nhits: " .. count)
			  end)
			  conn:on("sent", function(sck) sck:close() end)
			end)
			local blink = tmr.create()
			count = 1
			""";

	private final LuaOutline outline = new LuaOutline();

	@Test
	void aModuleTableGathersItsFieldsFunctionsAndMethods() {
		List<OutlineSymbol> symbols = outline.symbols(Documents.parse("sensor.lua", SENSOR_MODULE));
		assertEquals(List.of("M", "pin", "round"), names(symbols));

		OutlineSymbol module = symbols.get(0);
		assertEquals(Kind.MODULE, module.kind());
		assertEquals(List.of("interval", "read", "start"), names(module.children()));
		assertEquals(List.of(Kind.FIELD, Kind.FUNCTION, Kind.METHOD), module.children().stream().map(OutlineSymbol::kind).toList());
		assertEquals("(period)", module.children().get(2).detail());
		assertEquals("(x, ...)", symbols.get(2).detail());
		assertEquals(Kind.LOCAL, symbols.get(1).kind());
	}

	@Test
	void localsInsideFunctionsStayOutButTheirCallbacksAppearUnderThem() {
		List<OutlineSymbol> module = outline.symbols(Documents.parse("sensor.lua", SENSOR_MODULE)).get(0).children();
		assertTrue(module.get(1).children().isEmpty(), "status and temp are locals of M.read, not outline entries");
		OutlineSymbol start = module.get(2);
		assertEquals(1, start.children().size());
		assertEquals("self.timer:alarm callback", start.children().get(0).name());
		assertEquals("(t)", start.children().get(0).detail());
	}

	@Test
	void rangesCoverTheDeclarationAndSelectItsName() {
		LuaDocument document = Documents.parse("sensor.lua", SENSOR_MODULE);
		List<OutlineSymbol> symbols = outline.symbols(document);
		OutlineSymbol read = symbols.get(0).children().get(1);
		assertEquals("M.read", text(document, read.selection()));
		assertTrue(text(document, read.range()).startsWith("function M.read()"));
		assertTrue(text(document, read.range()).endsWith("end"));
		assertEquals("pin", text(document, symbols.get(1).selection()));
		assertEquals("local pin = 4", text(document, symbols.get(1).range()));
		assertEquals("M:start", text(document, symbols.get(0).children().get(2).selection()));
	}

	@Test
	void aServerShowsItsSocketsTimersGlobalsAndNestedCallbacks() {
		List<OutlineSymbol> symbols = outline.symbols(Documents.parse("server.lua", TCP_SERVER));
		assertEquals(List.of("led", "count", "srv", "srv:listen callback", "blink"), names(symbols));
		assertEquals(Kind.GLOBAL, symbols.get(1).kind());
		assertEquals("net.tcpserver", symbols.get(2).detail());
		assertEquals("tmr.timer", symbols.get(4).detail());

		OutlineSymbol listen = symbols.get(3);
		assertEquals("(conn)", listen.detail());
		assertEquals(List.of("conn:on(\"receive\") callback", "conn:on(\"sent\") callback"), names(listen.children()));
		assertEquals("(sck, data)", listen.children().get(0).detail());
	}

	@Test
	void globalFunctionsAndFunctionsOfOtherTablesKeepTheirFullName() {
		List<OutlineSymbol> symbols = outline.symbols(Documents.parse("init.lua", """
				function startup()
				  local app = require("app")
				  app.start()
				end
				function string.trim(s) return (s:gsub("^%s+", "")) end
				local config = { ssid = "home", connect = function(self) end }
				local on_wifi = function(info) print(info.IP) end
				tmr.create():alarm(3000, tmr.ALARM_SINGLE, startup)
				"""));
		assertEquals(List.of("startup", "string.trim", "config", "on_wifi"), names(symbols));
		assertEquals(List.of(Kind.FUNCTION, Kind.FUNCTION, Kind.LOCAL, Kind.FUNCTION), symbols.stream().map(OutlineSymbol::kind).toList());
		assertEquals(List.of("ssid", "connect"), names(symbols.get(2).children()));
		assertEquals("(info)", symbols.get(3).detail());
	}

	@Test
	void unfinishedCodeGivesWhatCanBeParsed() {
		assertEquals(List.of(), outline.symbols(Documents.parse("init.lua", "")));
		assertEquals(List.of(), outline.symbols(Documents.parse("init.lua", ")))(((")));
		List<OutlineSymbol> symbols = outline.symbols(Documents.parse("app.lua", """
				local M = {}
				local t = tmr.create()
				function M.run(a
				  t:alarm(
				"""));
		assertTrue(names(symbols).contains("M"), names(symbols).toString());
		for (String prefix : List.of("local", "local function", "function M.", "function M:f(", "M.x = function(")) {
			outline.symbols(Documents.parse("app.lua", "local M = {}\n" + prefix));
		}
	}

	@Test
	void everyPrefixOfAFileWhileTypingGivesSelectionsInsideTheirRanges() {
		for (String file : List.of(SENSOR_MODULE, TCP_SERVER)) {
			for (int end = 0; end <= file.length(); end++) {
				LuaDocument document = Documents.parse("app.lua", file.substring(0, end));
				assertNested(outline.symbols(document), document.text().length());
			}
		}
	}

	/**
	 * What LSP requires of document symbols: the selection inside the range; and a function's
	 * children inside it (a table's children may come later in the file: {@code function M.f()}).
	 */
	private static void assertNested(List<OutlineSymbol> symbols, int length) {
		for (OutlineSymbol symbol : symbols) {
			assertTrue(symbol.range().offset() >= 0 && symbol.range().end() <= length, symbol.toString());
			assertTrue(symbol.selection().offset() >= symbol.range().offset() && symbol.selection().end() <= symbol.range().end(), symbol.toString());
			boolean function = symbol.kind() == Kind.FUNCTION || symbol.kind() == Kind.METHOD;
			for (OutlineSymbol child : symbol.children()) {
				assertTrue(!function || child.range().offset() >= symbol.range().offset() && child.range().end() <= symbol.range().end(),
						child + " in " + symbol.name());
			}
			assertNested(symbol.children(), length);
		}
	}

	private static List<String> names(List<OutlineSymbol> symbols) {
		return symbols.stream().map(OutlineSymbol::name).toList();
	}

	private static String text(LuaDocument document, TextRange range) {
		return document.text().substring(range.offset(), range.end());
	}
}
