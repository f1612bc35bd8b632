package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.ide.project.NewProjectFiles;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;

/** A new NodeMCU project starts with a safe init.lua, an app and a .luacheckrc, all lint clean. */
class NewProjectFilesTest {

	@TempDir
	Path folder;

	/** Writes the new project's files, and {@code extra} (name, text...) into the folder. */
	private void write(String... extra) throws IOException {
		for (Map.Entry<String, String> file : NewProjectFiles.files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		for (int i = 0; i < extra.length; i += 2) {
			Files.writeString(folder.resolve(extra[i]), extra[i + 1]);
		}
	}

	/** Every finding in the folder's .lua files, as the editor and builder lint them. */
	private List<String> findings() {
		ProjectFolder projectFolder = new ProjectFolder(folder, Documents.sources(), FirmwareModel.load());
		LuaProject project = projectFolder.project(List.of());
		ProjectLinter linter = new ProjectLinter(Documents.sources(), LintRules.all());
		List<String> found = new ArrayList<>();
		for (LuaDocument document : project.documents()) {
			for (LintIssue issue : linter.lint(document, project.globalsSetOutside(document.fileName()))) {
				found.add(issue.toText());
			}
		}
		return found;
	}

	@Test
	void theNewProjectLintsClean() throws IOException {
		write();
		assertEquals(List.of(NewProjectFiles.INIT, NewProjectFiles.APP, NewProjectFiles.LUACHECK_CONFIG),
				List.copyOf(NewProjectFiles.files().keySet()));
		assertEquals(List.of(), findings());
	}

	@Test
	void aLeakedGlobalBesideThemIsFoundSoTheCheckAboveCanFail() throws IOException {
		write("counter.lua", "count = 0\n");
		List<String> found = findings();
		assertEquals(1, found.size(), found.toString());
		assertTrue(found.get(0).endsWith("[global-write]"), found.toString());
	}

	@Test
	void theLuacheckrcIsReadAndItsGlobalsDeclareNames() throws IOException {
		write("counter.lua", "count = 0\n");
		Files.writeString(folder.resolve(NewProjectFiles.LUACHECK_CONFIG),
				NewProjectFiles.files().get(NewProjectFiles.LUACHECK_CONFIG).replace("globals = {}", "globals = {\"count\"}"));
		assertEquals(List.of(), findings());
	}

	@Test
	void initWaitsBeforeItStartsTheAppAndSaysHowToStopIt() {
		String init = NewProjectFiles.files().get(NewProjectFiles.INIT);
		assertTrue(NewProjectFiles.START_DELAY_MS >= 2000, "the FAQ asks for 2-3 s to type at the prompt");
		int alarm = init.indexOf("alarm(" + NewProjectFiles.START_DELAY_MS + ", tmr.ALARM_SINGLE");
		assertTrue(alarm > 0, init);
		assertTrue(init.indexOf("dofile(\"app.lua\")") > alarm, "the app starts in the timer's callback: " + init);
		assertTrue(init.contains("print('init.lua: starting app.lua in 3 s; to stop it, type file.remove(\"init.lua\")')"), init);
	}
}
