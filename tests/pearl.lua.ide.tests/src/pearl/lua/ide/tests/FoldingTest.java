package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.folding.FoldingRegion;
import pearl.lua.ide.folding.FoldingRegion.Kind;
import pearl.lua.ide.folding.LuaEditorFacts;
import pearl.lua.ide.folding.LuaFolding;
import pearl.lua.ide.model.LuaDocument;

/** Folding of NodeMCU files, and the bracket, comment and indentation facts editors are given. */
class FoldingTest {

	private final LuaFolding folding = new LuaFolding();

	@Test
	void aLongCommentHeaderAndRunsOfLineCommentsFold() {
		List<FoldingRegion> regions = folding.regions(Documents.parse("init.lua", """
				--[[
				  init.lua for the greenhouse board
				  waits 3 s before starting the app (FAQ: a safe init.lua)
				]]
				-- press the flash button during the wait
				-- to stay in the interpreter
				local app = "app.lua" -- the app to run
				-- a single comment line does not fold
				tmr.create():alarm(3000, tmr.ALARM_SINGLE, function()
				  dofile(app)
				end)
				"""));
		assertEquals(List.of(new FoldingRegion(1, 4, Kind.COMMENT), new FoldingRegion(5, 6, Kind.COMMENT), new FoldingRegion(9, 10, Kind.BLOCK)),
				regions);
	}

	@Test
	void blocksFoldUpToTheLineBeforeTheirEndAndEachBranchOnItsOwn() {
		List<FoldingRegion> regions = folding.regions(Documents.parse("wifi.lua", """
				local function connect(cfg)
				  if wifi.sta.getip() then
				    print("connected")
				  elseif cfg then
				    wifi.sta.config(cfg)
				  else
				    print("no config")
				  end
				  for i = 1, 3 do
				    print(i)
				  end
				  repeat
				    cfg = nil
				  until cfg == nil
				  while false do end
				end
				"""));
		assertEquals(List.of(new FoldingRegion(1, 15, Kind.BLOCK), new FoldingRegion(2, 3, Kind.BLOCK), new FoldingRegion(4, 5, Kind.BLOCK),
				new FoldingRegion(6, 7, Kind.BLOCK), new FoldingRegion(9, 10, Kind.BLOCK), new FoldingRegion(12, 13, Kind.BLOCK)), regions);
	}

	@Test
	void tablesOverSeveralLinesAndNestedCallbacksOfAServer() {
		List<FoldingRegion> regions = folding.regions(Documents.parse("server.lua", """
				local cfg = {
				  ssid = "greenhouse",
				  pwd = "secret",
				}
				local one = { a = 1 }
				local srv = net.createServer(net.TCP, 30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, data)
				    sck:send("ok")
				  end)
				end)
				"""));
		assertEquals(List.of(new FoldingRegion(1, 3, Kind.TABLE), new FoldingRegion(7, 10, Kind.BLOCK), new FoldingRegion(8, 9, Kind.BLOCK)),
				regions);
	}

	@Test
	void unfinishedCodeFoldsWhatItCan() {
		for (String text : List.of("", "--[[ open", "function f(", "if x then\n  y()\nelse", "local t = {\n a = 1,\n")) {
			folding.regions(Documents.parse("app.lua", text));
		}
		List<FoldingRegion> regions = folding.regions(Documents.parse("app.lua", "-- header\n-- more\nlocal function f()\n  print(1)\n  print(2)\n"));
		assertTrue(regions.contains(new FoldingRegion(1, 2, Kind.COMMENT)), regions.toString());
	}

	@Test
	void everyPrefixOfAFileWhileTypingGivesRegionsWithinIt() {
		String file = """
				--[[ app.lua
				]]
				local srv = net.createServer(net.TCP, 30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, data)
				    if data:find("GET") then
				      sck:send("ok")
				    else
				      sck:close()
				    end
				  end)
				end)
				""";
		for (int end = 0; end <= file.length(); end++) {
			LuaDocument document = Documents.parse("app.lua", file.substring(0, end));
			for (FoldingRegion region : folding.regions(document)) {
				assertTrue(region.startLine() >= 1 && region.startLine() < region.endLine() && region.endLine() <= document.lines().lineCount(),
						region + " in " + document.text());
			}
		}
	}

	@Test
	void editorFactsForCommentsBracketsAndIndentation() {
		assertEquals("--", LuaEditorFacts.LINE_COMMENT);
		assertEquals("--[[", LuaEditorFacts.BLOCK_COMMENT_START);
		assertEquals("]]", LuaEditorFacts.BLOCK_COMMENT_END);
		assertTrue(LuaEditorFacts.BRACKETS.contains(new LuaEditorFacts.Pair("{", "}")));
		assertTrue(LuaEditorFacts.AUTO_CLOSING_PAIRS.contains(new LuaEditorFacts.Pair("\"", "\"")));
		assertTrue(LuaEditorFacts.BLOCK_KEYWORDS.contains(new LuaEditorFacts.Pair("repeat", "until")));

		for (String opens : List.of("function M:start(period)", "  if wifi.sta.getip() then", "elseif x then", "else", "for i = 1, 3 do",
				"while true do -- forever", "repeat", "srv:listen(80, function(conn)", "local cfg = {", "print(", "t:alarm(1000, tmr.ALARM_AUTO, function(t) -- tick")) {
			assertTrue(LuaEditorFacts.increasesIndent(opens), opens);
		}
		for (String closed : List.of("function f() end", "if x then y() end", "local t = {}", "-- if x then", "x = t[1]",
				"for i = 1, 3 do print(i) end", "conn:on(\"sent\", function(sck) sck:close() end)", "sck:send(data)", "repeat x() until y")) {
			assertFalse(LuaEditorFacts.increasesIndent(closed), closed);
		}
		for (String outdents : List.of("end", "  end)", "until done", "else", "elseif x then", "}", ")")) {
			assertTrue(LuaEditorFacts.decreasesIndent(outdents), outdents);
		}
		for (String stays : List.of("endpoint = 1", "print(x)", "  send()")) {
			assertFalse(LuaEditorFacts.decreasesIndent(stays), stays);
		}
	}
}
