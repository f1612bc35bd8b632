package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.junit.jupiter.api.Test;

import pearl.lua.ide.format.FormatOptions;
import pearl.lua.ide.format.LuaFormatter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.parser.LuaLexer;

/** Formatting NodeMCU files: indentation and spacing, never reflow, never a changed token, idempotent. */
class FormatterTest {

	private static final LuaFormatter FORMATTER = new LuaFormatter();

	/** A web server as tutorials write it: no indentation, spacing all over the place. */
	private static final String MESSY_SERVER = """
			local srv=net.createServer(30)
			srv:listen(80,function(conn)
			conn:on("receive",function(sck , request)
			local _,_,method,path=string.find(request,"([A-Z]+) (.+) HTTP")
			if method=="GET" and path=="/" then
			sck:send("HTTP/1.1 200 OK\\r\\n\\r\\n"..node.heap())
			elseif method == "POST"then
			    sck:send( "HTTP/1.1 405\\r\\n\\r\\n" )
			else
			sck:close()
			end
			end)
			conn:on("sent",function(s) s:close() end)
			end)   \t
			""";

	private static final String FORMATTED_SERVER = """
			local srv = net.createServer(30)
			srv:listen(80, function(conn)
			  conn:on("receive", function(sck, request)
			    local _, _, method, path = string.find(request, "([A-Z]+) (.+) HTTP")
			    if method == "GET" and path == "/" then
			      sck:send("HTTP/1.1 200 OK\\r\\n\\r\\n" .. node.heap())
			    elseif method == "POST" then
			      sck:send("HTTP/1.1 405\\r\\n\\r\\n")
			    else
			      sck:close()
			    end
			  end)
			  conn:on("sent", function(s) s:close() end)
			end)
			""";

	/** init.lua as the FAQ advises: wait before starting the application; tables, repeat, numeric for. */
	private static final String INIT = """
			-- init.lua: give the user 3 s to remove init.lua before the app starts
			local config = {
			  ssid = "home",
			  pwd = "secret",
			  pins = { 1, 2, 3; 4 },
			}
			wifi.setmode(wifi.STATION)
			wifi.sta.config({ ssid = config.ssid, pwd = config.pwd, auto = true })
			local startup = tmr.create()
			startup:alarm(3000, tmr.ALARM_SINGLE, function(t)
			  t:unregister()
			  if file.exists("app.lua") then
			    dofile("app.lua")
			  end
			end)
			local n = 0
			repeat
			  n = n + 1
			until n >= #config.pins
			for i = 1, 10, 2 do
			  gpio.write(config.pins[1], i % 2 == 0 and gpio.HIGH or gpio.LOW)
			end
			while false do end
			do
			  local x = -n ^ 2
			end
			""";

	/** Valid but odd code: calls without parentheses, varargs, unary minus, numbers, semicolons, long strings. */
	private static final String ODD = """
			local a = { b = { c = { d = function(self, t) return t end } } }
			a.b["c"]:d{ 1, 2 }
			print"hello"
			local m = require "mqttclient"
			local function sum(...)
			  local s = 0; for _, v in ipairs({...}) do s = s + v end
			  return s, select("#", ...)
			end
			local x = -sum(1e-3, 0x1F, .5, 3.) - -2
			local y = x .. "a" .. #"abc" .. not true
			local page = [[
			<html>   \t
			    <body>  x  =  1  </body>
			</html>]] .. "tail"
			--[==[ a long
			   comment  with   spaces   \t
			]==]
			local z = x; local w = y;
			if not (x) then return end
			local t = {
			  [1] = "one",
			  f = function()
			    return m,
			      page
			  end,
			}
			local long = "a" ..
			  "b" ..
			  "c"
			""";

	@Test
	void indentsBlocksAndNormalisesSpacing() {
		assertEquals(FORMATTED_SERVER, format(MESSY_SERVER));
	}

	@Test
	void formattedCodeGivesNoEdits() {
		for (String text : List.of(FORMATTED_SERVER, INIT, ODD)) {
			assertEquals(List.of(), edits(text, FormatOptions.defaults()), text);
		}
		for (String text : List.of(MESSY_SERVER, INIT, ODD, messy(INIT), messy(ODD))) {
			String once = format(text);
			assertEquals(List.of(), edits(once, FormatOptions.defaults()), once);
			String tabbed = TextEdit.apply(text, edits(text, new FormatOptions(4, false)));
			assertEquals(List.of(), edits(tabbed, new FormatOptions(4, false)), tabbed);
		}
	}

	@Test
	void neverChangesATokenNorJoinsOrSplitsLines() {
		for (String text : List.of(MESSY_SERVER, INIT, ODD, messy(INIT), messy(ODD))) {
			String formatted = format(text);
			assertEquals(tokens(text), tokens(formatted));
			assertEquals(text.split("\n", -1).length, formatted.split("\n", -1).length);
			assertTrue(Documents.parse("init.lua", formatted).parsed().syntaxErrors().isEmpty(), formatted);
		}
	}

	@Test
	void leavesTheInsideOfLongStringsAndCommentsAlone() {
		String formatted = format(messy(ODD));
		assertTrue(formatted.contains("[[\n<html>   \t\n    <body>  x  =  1  </body>\n</html>]] .. \"tail\""), formatted);
		assertTrue(formatted.contains("--[==[ a long\n   comment  with   spaces   \t\n]==]"), formatted);
	}

	@Test
	void reindentsCommentLinesWithoutTouchingTheirText() {
		String text = "if wifi.sta.getip() then\n--  connected:   start\n    print(1)   -- keep   this  \nend\n";
		assertEquals("if wifi.sta.getip() then\n  --  connected:   start\n  print(1)   -- keep   this\nend\n", format(text));
	}

	@Test
	void keepsTheFilesChoiceOfSpaceInsideBracesAndBeforeStringArguments() {
		assertEquals("local t = {a = 1}\nlocal u = { a = 1 }\nlocal m = require \"m\"\nlocal n = require\"n\"\n",
				format("local t = {a=1}\nlocal u = {  a=1  }\nlocal m = require  \"m\"\nlocal n = require\"n\"\n"));
	}

	@Test
	void unaryOperatorsStayAttachedAndTokensNeverRunTogether() {
		assertEquals("x = -y\nz = a - -b\nw = - -c\nn = #t + 1\nok = not (a or b)\ns = 1 .. 2\n",
				format("x = - y\nz = a--b\nw = - - c\nn = # t+1\nok = not(a or b)\ns = 1 ..2\n"
						.replace("a--b", "a- -b")));
	}

	@Test
	void indentsMultiLineArgumentsTablesAndContinuedExpressionsOneLevel() {
		String text = """
				print(string.format("%d bytes free, ip %s",
				node.heap(),
				wifi.sta.getip()))
				local reply = "HTTP/1.1 200 OK\\r\\n" ..
				"Content-Type: text/html\\r\\n\\r\\n"
				if wifi.sta.status() == wifi.STA_GOTIP
				and node.heap() > 8000 then
				mqttClient = mqtt.Client("esp", 120)
				end
				local pins = { led = 4,
				button = 3 }
				""";
		String expected = """
				print(string.format("%d bytes free, ip %s",
				  node.heap(),
				  wifi.sta.getip()))
				local reply = "HTTP/1.1 200 OK\\r\\n" ..
				  "Content-Type: text/html\\r\\n\\r\\n"
				if wifi.sta.status() == wifi.STA_GOTIP
				  and node.heap() > 8000 then
				  mqttClient = mqtt.Client("esp", 120)
				end
				local pins = { led = 4,
				  button = 3 }
				""";
		assertEquals(expected, format(text));
	}

	@Test
	void usesTabsWhenAskedTo() {
		String text = "function f()\nif true then\nreturn 1\nend\nend\n";
		assertEquals("function f()\n\tif true then\n\t\treturn 1\n\tend\nend\n", TextEdit.apply(text, edits(text, new FormatOptions(4, false))));
		assertEquals("function f()\n    if true then\n        return 1\n    end\nend\n",
				TextEdit.apply(text, edits(text, new FormatOptions(4, true))));
	}

	@Test
	void editsOnlyTheLinesThatChangeAndOnlyThoseInTheRange() {
		String text = "local t = tmr.create()\nt:alarm(1000, tmr.ALARM_AUTO, function()\nprint(node.heap())\n  t:unregister()\nend)\n";
		LuaDocument document = Documents.parse("init.lua", text);
		List<TextEdit> all = FORMATTER.format(document, FormatOptions.defaults());
		assertEquals(1, all.size());
		assertEquals("  ", all.get(0).newText());
		int line3 = text.indexOf("print");
		assertEquals(List.of(), FORMATTER.format(document, new TextRange(0, line3), FormatOptions.defaults()));
		assertEquals(all, FORMATTER.format(document, new TextRange(line3 + 2, 0), FormatOptions.defaults()));
		String messy = "x=1\ny=2\nz=3\n";
		assertEquals("x=1\ny = 2\nz=3\n", TextEdit.apply(messy,
				FORMATTER.format(Documents.parse("init.lua", messy), new TextRange(4, 1), FormatOptions.defaults())));
	}

	@Test
	void leavesFilesWithSyntaxErrorsAloneAndNeverThrows() {
		assertEquals(List.of(), edits("if x then\nprint( 1 )\n", FormatOptions.defaults()));
		assertEquals(List.of(), edits("local t = {\n  a=\n", FormatOptions.defaults()));
		assertEquals(List.of(), edits("", FormatOptions.defaults()));
		assertEquals("-- only a comment\n", format("   -- only a comment   \n"));
		assertEquals("print(1)", format("print( 1 )   "));
		assertEquals("\n\nprint(1)\n", format("  \n\t\nprint(1)\r\n".replace("\r\n", "\n")));
		assertEquals("if a then\r\n  b()\r\nend\r\n", format("if a then\r\nb()  \r\nend\r\n"));
		assertFalse(format("x = [[\nunterminated").isEmpty());
	}

	/** The code with its layout taken away: no indentation, odd spacing, trailing blanks. */
	private static String messy(String text) {
		StringBuilder out = new StringBuilder();
		boolean inLong = false;
		for (String line : text.split("\n", -1)) {
			boolean opens = !inLong && (line.contains("[[") && !line.contains("]]") || line.contains("--[==[") && !line.contains("]==]"));
			if (inLong) {
				out.append(line);
				inLong = !line.contains("]]") && !line.contains("]==]");
			} else {
				out.append(line.strip().replace(" = ", "=").replace(", ", " ,")).append(opens ? "" : "  ");
				inLong = opens;
			}
			out.append('\n');
		}
		return out.substring(0, out.length() - 1);
	}

	private static String format(String text) {
		return TextEdit.apply(text, edits(text, FormatOptions.defaults()));
	}

	private static List<TextEdit> edits(String text, FormatOptions options) {
		return FORMATTER.format(Documents.parse("init.lua", text), options);
	}

	/** The file's tokens as Lua's lexer reads them, white space left out (and at the end of comments). */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		LuaLexer lexer = new LuaLexer(new ANTLRStringStream(text));
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			if (token.getType() != LuaLexer.RULE_WS) {
				tokens.add(token.getText().stripTrailing());
			}
		}
		return tokens;
	}
}
