package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/** The document model the services share: what name is at the caret, where modules and globals are. */
class LuaDocumentTest {

	@Test
	void findsTheNameUnderTheCaretAndJustAfterIt() {
		Documents.AtCaret at = Documents.withCaret("init.lua", "local count = 0\ncou|nt = count + 1\n");
		NameUse use = at.document().nameUseAt(at.caret()).orElseThrow();
		assertEquals("count", use.name());
		assertEquals(NameUse.Access.WRITE, use.access());
		assertEquals(LocalVariable.Kind.LOCAL, use.local().kind());

		Documents.AtCaret after = Documents.withCaret("init.lua", "print(heap|)\n");
		assertTrue(after.document().nameUseAt(after.caret()).orElseThrow().isGlobal());
	}

	@Test
	void knowsTheGlobalsAFileSetsButNotThoseItOnlyReadsOrShadows() {
		LuaDocument document = Documents.parse("init.lua", """
				config = {}
				function start() print(config, wifi, missing) end
				local count = 0
				count = count + 1
				t.x = 1
				""");
		assertEquals(Set.of("config", "start"), document.globalsSet());
		LuaProject project = Documents.project("init.lua", "config = {}\n", "app.lua", "ready = true\n");
		assertEquals(Set.of("ready"), project.globalsSetOutside("/project/init.lua"));
	}

	@Test
	void findsTheDeclarationOfParametersAndLocals() {
		Documents.AtCaret at = Documents.withCaret("init.lua", "local function on(so|ck, data) return sock end\n");
		LocalVariable local = at.document().localDeclaredAt(at.caret()).orElseThrow();
		assertEquals("sock", local.name());
		assertEquals(LocalVariable.Kind.PARAMETER, local.kind());
		assertEquals(new TextRange(18, 4), at.document().declarationRange(local).orElseThrow());
	}

	@Test
	void resolvesRequireAsTheBoardDoesAndGlobalsAcrossFiles() {
		LuaProject project = Documents.project("init.lua", "config = { ssid = 'x' }\nlocal app = require('app')\n",
				"app.lua", "print(config.ssid)\n", "lfs/sensors.lua", "return {}\n");
		assertEquals("/project/app.lua", project.module("app").orElseThrow().fileName());
		assertEquals("/project/lfs/sensors.lua", project.module("sensors").orElseThrow().fileName());
		assertTrue(project.module("missing").isEmpty());
		List<LuaProject.GlobalDefinition> defs = project.globalDefinitions("config");
		assertEquals(1, defs.size());
		assertEquals("/project/init.lua", defs.get(0).document().fileName());
	}

	@Test
	void editsReparseAndApply() {
		LuaDocument document = Documents.parse("init.lua", "x = 1\n");
		assertEquals("local x = 1\n", TextEdit.apply(document.text(), List.of(new TextEdit(new TextRange(0, 0), "local "))));
		LuaDocument edited = document.edit(Documents.sources(), 0, 0, "local ");
		assertEquals("local x = 1\n", edited.text());
		assertTrue(edited.scopes().globalUses().isEmpty());
	}
}
