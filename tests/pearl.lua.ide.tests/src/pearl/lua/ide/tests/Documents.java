package pearl.lua.ide.tests;

import java.nio.file.Path;

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.LuaIdeSetup;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;

/** Lua documents for tests, parsed as an editor would have them; {@code |} marks the caret. */
final class Documents {

	/** The project folder tests' files live in (never read from disk). */
	static final Path ROOT = Path.of("/project");

	private static LuaSources sources;

	private Documents() {
	}

	static synchronized LuaSources sources() {
		if (sources == null) {
			sources = new LuaSources(LuaIdeSetup.doSetupIde());
		}
		return sources;
	}

	/** {@code text} as the file {@code name} of the project, on the default firmware build. */
	static LuaDocument parse(String name, String text) {
		return LuaDocument.parse(sources(), ROOT.resolve(name).toString(), text, FirmwareModel.load());
	}

	/** A document and the caret's offset, from text with one {@code |} in it. */
	record AtCaret(LuaDocument document, int caret) {
	}

	static AtCaret withCaret(String name, String textWithCaret) {
		int caret = textWithCaret.indexOf('|');
		if (caret < 0) {
			throw new IllegalArgumentException("no | caret in the text");
		}
		String text = textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1);
		return new AtCaret(parse(name, text), caret);
	}

	/** A project of the given files: name, text, name, text... */
	static LuaProject project(String... namesAndTexts) {
		LuaProject project = new LuaProject(ROOT);
		for (int i = 0; i < namesAndTexts.length; i += 2) {
			project.put(parse(namesAndTexts[i], namesAndTexts[i + 1]));
		}
		return project;
	}
}
