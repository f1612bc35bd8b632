package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.hover.HoverInfo;
import pearl.lua.ide.hover.LuaHovers;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;

/** Hovers on a NodeMCU project: firmware documentation, locals and upvalues, globals across files. */
class HoverTest {

	private final HoverNavProject files = new HoverNavProject();
	private final LuaHovers hovers = new LuaHovers();

	private String hover(LuaDocument document, int offset) {
		return hovers.hover(document, files.project, offset).orElseThrow(() -> new AssertionError("no hover at " + offset)).markdown();
	}

	private static void assertContains(String expected, String markdown) {
		assertTrue(markdown.contains(expected), () -> "expected <" + expected + "> in:\n" + markdown);
	}

	@Test
	void firmwareFunctionShowsSignatureResultAndDocFromTheDataFile() {
		int heap = HoverNavProject.at(files.app, "heap()");
		HoverInfo info = hovers.hover(files.app, files.project, heap + 2).orElseThrow();
		assertEquals(new TextRange(heap, 4), info.range());
		assertContains("```lua\nnode.heap()\n```", info.markdown());
		assertContains("**Returns** `integer`", info.markdown());
		assertContains(FirmwareModel.load().lookup("node.heap") instanceof pearl.lua.firmware.LookupResult.Function f ? f.function().doc() : "?",
				info.markdown());

		String create = hover(files.init, HoverNavProject.at(files.init, "create"));
		assertContains("tmr.create()", create);
		assertContains("`tmr.timer`", create);
	}

	@Test
	void methodOfATimerShowsParametersCallbackAndErrors() {
		String alarm = hover(files.app, HoverNavProject.at(files.app, "alarm") + 3);
		assertContains("```lua\ntmr.timer:alarm(interval_ms, mode, fn)\n```", alarm);
		assertContains("- `interval_ms`: `integer`", alarm);
		assertContains("- `fn`: `function(timer)`", alarm);
		assertContains("**Returns** `boolean`", alarm);
		assertContains("**Raises**: `Range: 1-0x68D7A3`", alarm);

		// a socket method, reached through the server's callback parameter
		String on = hover(files.app, HoverNavProject.at(files.app, "on(\"receive\""));
		assertContains("net.tcpsocket:on(", on);
	}

	@Test
	void methodOfAnObjectTheLinterCannotTypeHasNoHover() {
		LuaDocument document = Documents.parse("x.lua", "local function go(obj)\n  obj:alarm(10, 0, print)\nend\n");
		assertTrue(hovers.hover(document, null, HoverNavProject.at(document, "alarm")).isEmpty());
	}

	@Test
	void constantsModulesAndRemovedApis() {
		assertContains("```lua\ntmr.ALARM_AUTO = 1\n```", hover(files.app, HoverNavProject.at(files.app, "ALARM_AUTO")));
		String wifi = hover(files.app, HoverNavProject.at(files.app, "wifi"));
		assertContains("**firmware module** `wifi`", wifi);
		assertContains("`setmode`", wifi);

		Documents.AtCaret old = Documents.withCaret("old.lua", "tmr.al|arm(0, 1000, tmr.ALARM_AUTO, function() end)\n");
		String removed = hovers.hover(old.document(), null, old.caret()).orElseThrow().markdown();
		assertContains("**Removed from the firmware**", removed);
		assertContains("tmr.create():alarm(interval_ms, mode, fn)", removed);
	}

	@Test
	void whatTheBoardLacksSaysWhatToUseInstead() {
		Documents.AtCaret at = Documents.withCaret("log.lua", "local f = io.op|en(\"log.txt\", \"a\")\n");
		String open = hovers.hover(at.document(), null, at.caret()).orElseThrow().markdown();
		assertContains("**Not on NodeMCU**", open);
		assertContains("file.open", open);
	}

	@Test
	void methodReceiverAndLocalFunctionUsedAsUpvalue() {
		Documents.AtCaret at = Documents.withCaret("app.lua", "local M = {}\nfunction M:start()\n  sel|f.running = true\nend\nreturn M\n");
		String self = hovers.hover(at.document(), null, at.caret()).orElseThrow().markdown();
		assertContains("**method receiver** `self` of the function at line 2", self);
		assertContains("```lua\nfunction M:start()\n```", self);

		String report = hover(files.app, HoverNavProject.at(files.app, "report(conn"));
		assertContains("**upvalue** `report`: the local function declared on line 4, captured by the function at line 17", report);
	}

	@Test
	void firmwareGlobalShowsItsDoc() {
		Documents.AtCaret at = Documents.withCaret("init.lua", "pri|nt(\"booting\")\n");
		String print = hovers.hover(at.document(), null, at.caret()).orElseThrow().markdown();
		assertContains(FirmwareModel.load().globalFunctions().get("print").doc(), print);
		assertContains("print(", print);
	}

	@Test
	void localDeclarationShowsKindLineAndThatATimerCallbackCapturesIt() {
		String count = hover(files.app, HoverNavProject.at(files.app, "count"));
		assertContains("**local** `count` declared on line 2", count);
		assertContains("Captured by the functions at lines 4 and 11", count);
		assertContains("```lua\nlocal count = 0\n```", count);
	}

	@Test
	void useInsideTheTimerCallbackIsAnUpvalue() {
		String count = hover(files.app, HoverNavProject.at(files.app, "count = count"));
		assertContains("**upvalue** `count`: the local declared on line 2, captured by the function at line 11", count);
		assertContains("```lua\nlocal count = 0\n```", count);

		String poll = hover(files.app, HoverNavProject.at(files.app, "poll:"));
		assertContains("**local** `poll`: `tmr.timer` declared on line 10", poll);
		assertFalse(poll.contains("upvalue"), poll);
	}

	@Test
	void callbackParameterShowsItsFunctionAndSocketType() {
		String sck = hover(files.app, HoverNavProject.at(files.app, "sck:on"));
		assertContains("**parameter** `sck`: `net.tcpsocket` of the function at line 16", sck);
		assertContains("```lua\nsrv:listen(80, function(sck)\n```", sck);
	}

	@Test
	void globalShowsWhereTheProjectSetsIt() {
		String config = hover(files.app, HoverNavProject.at(files.app, "config"));
		assertContains("**global** `config`", config);
		assertContains("`init.lua:2`", config);
		assertContains("```lua\nconfig = { ssid = \"home\", interval = 5000 }\n```", config);
		assertFalse(config.contains("Never"), config);

		LuaProject project = Documents.project("init.lua", "led = 4\ndofile(\"blink.lua\")\n", "blink.lua",
				"if not led then led = 0 end\ngpio.mode(led, gpio.OUTPUT)\n");
		LuaDocument blink = project.document("/project/blink.lua").orElseThrow();
		String led = hovers.hover(blink, project, HoverNavProject.at(blink, "led")).orElseThrow().markdown();
		assertContains("Set at `blink.lua:1`:\n\n```lua\nif not led then led = 0 end\n```\n\nSet at `init.lua:1`:\n\n```lua\nled = 4\n```", led);
	}

	@Test
	void globalNeverReadOrNeverSetGetsAHint() {
		String leak = hover(files.app, HoverNavProject.at(files.app, "lastHeap"));
		assertContains("`app.lua:13`", leak);
		assertContains("Never read in the project: should it be `local`?", leak);

		LuaDocument typo = Documents.parse("app.lua", HoverNavProject.APP.replace("config.interval", "confg.interval"));
		files.project.put(typo);
		String confg = hover(typo, HoverNavProject.at(typo, "confg"));
		assertContains("Never assigned in this project", confg);
	}

	@Test
	void requireStringShowsTheFileItLoads() {
		String require = hover(files.init, HoverNavProject.at(files.init, "\"app\"") + 1);
		assertContains("Loads `app.lua`", require);
	}

	@Test
	void keywordsCommentsWhiteSpaceAndLiteralsHaveNoHover() {
		for (String nothing : new String[] { "function(t)", "3000", "-- give", "stop a crash", "end)" }) {
			int offset = HoverNavProject.at(files.init, nothing) + 1;
			assertEquals(Optional.empty(), hovers.hover(files.init, files.project, offset), nothing);
		}
		assertEquals(Optional.empty(), hovers.hover(files.init, files.project, 0));
		assertEquals(Optional.empty(), hovers.hover(files.init, files.project, files.init.text().length()));
	}

	@Test
	void unfinishedCodeNeverThrows() {
		for (String text : new String[] { "", "local t = tmr.", "t:alarm(", "srv:listen(80, function(sck)\n  sck:", "local function (",
				"require(\"", "x = = 1 --[[ open", "function M:start(\n  self.", "for i = 1, do print(i end" }) {
			LuaDocument document = Documents.parse("typing.lua", text);
			for (int offset = -1; offset <= text.length() + 1; offset++) {
				hovers.hover(document, files.project, offset);
				hovers.hover(document, null, offset);
			}
		}
		assertEquals(Optional.empty(), hovers.hover(null, null, 0));
	}
}
