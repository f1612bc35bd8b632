package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.ide.navigation.LuaNavigation;
import pearl.lua.ide.navigation.SourceLocation;

/** Go to definition and find references across a NodeMCU project. */
class NavigationTest {

	private final HoverNavProject files = new HoverNavProject();
	private final LuaNavigation navigation = new LuaNavigation();

	private static SourceLocation in(LuaDocument document, String word, int n) {
		return new SourceLocation(document.fileName(), new TextRange(HoverNavProject.at(document, word, n), word.length()));
	}

	@Test
	void upvalueInATimerCallbackGoesToItsDeclaration() {
		int use = HoverNavProject.at(files.app, "count = count") + 2;
		assertEquals(List.of(in(files.app, "count", 1)), navigation.definition(files.app, files.project, use));
	}

	@Test
	void aRequiredModulesMemberGoesToWhereTheModuleDefinesIt() {
		// init.lua: local app = require("app") ... app.start(); app.lua: function M.start() ... return M
		int call = HoverNavProject.at(files.init, "app.start") + "app.st".length();
		assertEquals(List.of(in(files.app, "start", 1)), navigation.definition(files.init, files.project, call));

		LuaProject project = Documents.project("init.lua", "require(\"sensors\").read(1)\nlocal s = require(\"sensors\")\ns.unit()\ns.missing()\n",
				"lfs/sensors.lua", "local M = { unit = function() return \"C\" end }\nM.read = function(pin) return adc.read(pin) end\nreturn M\n");
		LuaDocument init = project.document("/project/init.lua").orElseThrow();
		LuaDocument sensors = project.document("/project/lfs/sensors.lua").orElseThrow();
		assertEquals(List.of(in(sensors, "read", 1)), navigation.definition(init, project, HoverNavProject.at(init, "read") + 1));
		assertEquals(List.of(in(sensors, "unit", 1)), navigation.definition(init, project, HoverNavProject.at(init, "unit") + 1));
		assertEquals(List.of(), navigation.definition(init, project, HoverNavProject.at(init, "missing") + 1));
		// a firmware module's member is not in any file
		assertEquals(List.of(), navigation.definition(sensors, project, HoverNavProject.at(sensors, "adc.read") + 5));
	}

	@Test
	void globalReadInOneFileGoesToWhereAnotherSetsIt() {
		int read = HoverNavProject.at(files.app, "config") + "config".length(); // caret just after the name
		assertEquals(List.of(in(files.init, "config", 1)), navigation.definition(files.app, files.project, read));
	}

	@Test
	void globalSetInSeveralFilesListsEverySite() {
		LuaProject project = Documents.project("init.lua", "debug_on = false\ndofile(\"app.lua\")\n", "app.lua",
				"if debug_on then print(node.heap()) end\nfunction debug_on_toggle() debug_on = not debug_on end\n");
		LuaDocument app = project.document("/project/app.lua").orElseThrow();
		LuaDocument init = project.document("/project/init.lua").orElseThrow();
		assertEquals(List.of(in(app, "debug_on", 3), in(init, "debug_on", 1)),
				navigation.definition(app, project, HoverNavProject.at(app, "debug_on")));
		// `function name()` assigns a global too
		assertEquals(List.of(in(app, "debug_on_toggle", 1)), navigation.definition(app, project, HoverNavProject.at(app, "debug_on_toggle")));
	}

	@Test
	void requireAndDofileGoToTheModuleFile() {
		SourceLocation appFile = new SourceLocation("/project/app.lua", new TextRange(0, 0));
		assertEquals(List.of(appFile), navigation.definition(files.init, files.project, HoverNavProject.at(files.init, "\"app\"") + 2));
		for (String call : new String[] { "require \"app\"", "dofile(\"app.lua\")", "dofile('app.lc')", "local m = require('app')" }) {
			LuaDocument document = Documents.parse("init.lua", call + "\n");
			int inString = call.indexOf("app");
			assertEquals(List.of(appFile), navigation.definition(document, files.project, inString), call);
		}
		LuaDocument missing = Documents.parse("init.lua", "require(\"sensors\")\n");
		assertEquals(List.of(), navigation.definition(missing, files.project, 10));
		// a local that happens to be called require is not the loader
		LuaDocument shadowed = Documents.parse("init.lua", "local require = print\nrequire(\"app\")\n");
		assertEquals(List.of(), navigation.definition(shadowed, files.project, HoverNavProject.at(shadowed, "app")));
	}

	@Test
	void firmwareNamesHaveNoDefinition() {
		for (String name : new String[] { "heap", "node", "tmr", "ALARM_AUTO", "alarm", "setmode" }) {
			assertEquals(List.of(), navigation.definition(files.app, files.project, HoverNavProject.at(files.app, name)), name);
		}
		LuaDocument print = Documents.parse("init.lua", "print(\"hi\")\n");
		assertEquals(List.of(), navigation.definition(print, files.project, 1));
	}

	@Test
	void referencesOfALocalWithAndWithoutItsDeclaration() {
		int declaration = HoverNavProject.at(files.app, "count");
		List<SourceLocation> uses = List.of(in(files.app, "count", 3), in(files.app, "count", 4), in(files.app, "count", 5));
		assertEquals(uses, navigation.references(files.app, files.project, declaration, false));
		List<SourceLocation> all = List.of(in(files.app, "count", 1), in(files.app, "count", 3), in(files.app, "count", 4), in(files.app, "count", 5));
		assertEquals(all, navigation.references(files.app, files.project, declaration, true));
		assertEquals(all, navigation.references(files.app, files.project, HoverNavProject.at(files.app, "count + 1"), true));
	}

	@Test
	void callbackParametersOfTheSameNameStayApart() {
		// report(sck) and the listen callback's sck are two parameters
		int listenSck = HoverNavProject.at(files.app, "sck", 3);
		assertEquals(List.of(in(files.app, "sck", 3), in(files.app, "sck", 4)), navigation.references(files.app, files.project, listenSck, true));
		assertEquals(List.of(in(files.app, "sck", 3)), navigation.definition(files.app, files.project, HoverNavProject.at(files.app, "sck:on")));
		assertEquals(List.of(in(files.app, "sck", 1)), navigation.definition(files.app, files.project, HoverNavProject.at(files.app, "sck:send")));
	}

	@Test
	void referencesOfAGlobalSpanTheProject() {
		List<SourceLocation> config = List.of(in(files.app, "config", 1), in(files.init, "config", 1));
		assertEquals(config, navigation.references(files.init, files.project, HoverNavProject.at(files.init, "config"), false));
		assertEquals(config, navigation.references(files.app, files.project, HoverNavProject.at(files.app, "config"), true));
		// without a project, only the file itself
		assertEquals(List.of(in(files.app, "config", 1)), navigation.references(files.app, null, HoverNavProject.at(files.app, "config"), true));
	}

	@Test
	void theEditedDocumentCountsAsTypedNotAsTheProjectLastSawIt() {
		// two lines typed at the top of app.lua, not yet in the project: ranges must follow the new text
		LuaDocument typed = Documents.parse("app.lua", "config.debug = true\n\n" + HoverNavProject.APP);
		List<SourceLocation> found = navigation.references(typed, files.project, HoverNavProject.at(typed, "config"), true);
		assertEquals(List.of(in(typed, "config", 1), in(typed, "config", 2), in(files.init, "config", 1)), found);
	}

	@Test
	void keywordsCommentsAndBrokenCodeGiveNothing() {
		for (String nothing : new String[] { "local M", "function M", "end", "return", "{}", "\n\n" }) {
			int offset = HoverNavProject.at(files.app, nothing) + 1;
			assertEquals(List.of(), navigation.definition(files.app, files.project, offset), nothing);
			assertEquals(List.of(), navigation.references(files.app, files.project, offset, true), nothing);
		}
		LuaDocument comment = Documents.parse("init.lua", "-- config = 1\nlocal x = 1 --[[ x ]]\n");
		assertEquals(List.of(), navigation.references(comment, files.project, 4, true));
		assertEquals(List.of(), navigation.references(comment, files.project, HoverNavProject.at(comment, "x ]]"), true));
		for (String text : new String[] { "", "local t = tmr.create(\nt:", "srv:listen(80, function(sck", "require(", "dofile(\"",
				"x = = 1", "local = 5", "function M.", "if then end end" }) {
			LuaDocument document = Documents.parse("typing.lua", text);
			for (int offset = -1; offset <= text.length() + 1; offset++) {
				navigation.definition(document, files.project, offset);
				navigation.references(document, files.project, offset, true);
				navigation.references(document, null, offset, false);
			}
		}
		LuaDocument unfinished = Documents.parse("typing.lua", "local count = 0\nfunction tick()\n  count = count +\n");
		assertTrue(navigation.references(unfinished, null, HoverNavProject.at(unfinished, "count"), true).size() >= 1);
	}
}
