package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.SeverityOverrides;
import pearl.lua.ui.preferences.BoardPreferencePage;
import pearl.lua.ui.preferences.LintPreferencePage;
import pearl.lua.ui.preferences.LuaPreferences;

/** Lint severities and the board profile, set in the Preferences and Properties dialogs, change what the editor reports. */
class LuaPreferencesTest {

	private static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	private static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";

	private IProject project;
	private IEditorPart editor;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("settings");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void restoreSettings() throws CoreException {
		if (editor != null) {
			editor.getSite().getPage().closeEditor(editor, false);
		}
		LuaPreferences.store(LuaPreferences.workspace(), SeverityOverrides.none());
		project.delete(true, null);
	}

	private IEditorPart open(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
		return editor;
	}

	/** Types a space at the end, as a user's next keystroke, which has the editor lint again. */
	/** The editor's annotations as "type message", once {@code expected} holds or 10 s have passed. */
	private static List<String> annotations(IEditorPart editor, Predicate<List<String>> expected) {
		return Workbenches.annotationsOnceSettled(editor, a -> a.getType() + " " + a.getText(), expected);
	}

	private static Predicate<List<String>> has(String type, String code) {
		return list -> list.stream().anyMatch(a -> a.startsWith(type + " ") && a.endsWith("[" + code + "]"));
	}

	private static Combo severityOf(PreferenceDialog dialog, String code) {
		List<Combo> combos = SettingsDialogs.find(dialog, Combo.class, c -> code.equals(c.getData(LintPreferencePage.RULE_CODE)));
		assertEquals(1, combos.size(), "one severity choice for " + code);
		return combos.get(0);
	}

	@Test
	void aRuleMadeAnErrorInThePreferencesIsAnErrorInTheEditorUntilTheProjectIgnoresIt() throws Exception {
		open("leak.lua", "count = 0\n");
		List<String> before = annotations(editor, has(WARNING, "global-write"));
		assertTrue(has(WARNING, "global-write").test(before), before.toString());

		PreferenceDialog preferences = SettingsDialogs.preferences(LintPreferencePage.ID);
		Combo globalWrite = severityOf(preferences, "global-write");
		assertEquals("Warning", globalWrite.getText(), "the rule's default is shown");
		globalWrite.select(globalWrite.indexOf("Error"));
		Workbenches.flushEvents(globalWrite.getDisplay());
		Workbenches.screenshot(globalWrite.getDisplay(), "preferences-lint.png");
		SettingsDialogs.applyAndClose(preferences);

		List<String> raised = annotations(editor, has(ERROR, "global-write"));
		assertTrue(has(ERROR, "global-write").test(raised), "after Error in the preferences: " + raised);

		PreferenceDialog properties = SettingsDialogs.properties(project, "pearl.lua.ui.properties.lint");
		Combo projectGlobalWrite = severityOf(properties, "global-write");
		assertFalse(projectGlobalWrite.isEnabled(), "the project follows the workspace until it has settings of its own");
		assertEquals("Error", projectGlobalWrite.getText());
		Button own = SettingsDialogs.find(properties, Button.class, b -> b.getText().equals("Enable project specific settings")).get(0);
		SettingsDialogs.check(own, true);
		assertTrue(projectGlobalWrite.isEnabled());
		projectGlobalWrite.select(projectGlobalWrite.indexOf("Ignore"));
		SettingsDialogs.applyAndClose(properties);

		List<String> ignored = annotations(editor, list -> list.stream().noneMatch(a -> a.endsWith("[global-write]")));
		assertTrue(ignored.stream().noneMatch(a -> a.endsWith("[global-write]")), "after Ignore in the project: " + ignored);
		Path settings = project.getLocation().toFile().toPath().resolve(".settings/pearl.lua.ui.prefs");
		assertTrue(Files.readString(settings).contains("lint.severity.global-write=off"), "shared with the project: " + Files.readString(settings));
	}

	@Test
	void theBoardPageListsTheFirmwareModulesAndAProjectWithoutMqttFlagsItsUse() throws Exception {
		PreferenceDialog preferences = SettingsDialogs.preferences(BoardPreferencePage.ID);
		Table modules = SettingsDialogs.find(preferences, Table.class, t -> true).get(0);
		List<String> listed = new ArrayList<>();
		for (TableItem item : modules.getItems()) {
			listed.add(item.getText(0));
			assertTrue(item.getChecked(), item.getText(0) + " is in the default board");
		}
		assertEquals(new ArrayList<>(FirmwareModel.load().modules().keySet()), listed);
		Workbenches.screenshot(modules.getDisplay(), "preferences-board.png");
		preferences.close();

		open("broker.lua", "local m = mqtt.Client(\"id\", 120)\nprint(m)\n");
		List<String> before = annotations(editor, list -> !list.isEmpty());
		assertTrue(before.stream().noneMatch(a -> a.endsWith("[unavailable-api]")), before.toString());

		PreferenceDialog properties = SettingsDialogs.properties(project, "pearl.lua.ui.properties.board");
		Button own = SettingsDialogs.find(properties, Button.class, b -> b.getText().equals("Enable project specific settings")).get(0);
		SettingsDialogs.check(own, true);
		Table projectModules = SettingsDialogs.find(properties, Table.class, t -> true).get(0);
		for (TableItem item : projectModules.getItems()) {
			item.setChecked(!item.getText(0).equals("mqtt"));
		}
		SettingsDialogs.applyAndClose(properties);

		BoardProfile saved = BoardProfile.read(project.getLocation().toFile().toPath().resolve(BoardProfile.PROJECT_FILE));
		assertFalse(saved.includes("mqtt"));
		assertTrue(saved.includes("wifi"));
		List<String> flagged = annotations(editor, has(ERROR, "unavailable-api"));
		assertTrue(has(ERROR, "unavailable-api").test(flagged), "mqtt is not in the project's build: " + flagged);
	}

	@Test
	void restoreDefaultsPutsEveryRuleBackToItsDefaultSeverity() {
		LuaPreferences.store(LuaPreferences.workspace(), SeverityOverrides.fromWords(Map.of("global-write", "error", "rom-write", "off"),
				LintRules.all()));
		PreferenceDialog preferences = SettingsDialogs.preferences(LintPreferencePage.ID);
		try {
			assertEquals("Error", severityOf(preferences, "global-write").getText());
			assertEquals("Ignore", severityOf(preferences, "rom-write").getText());
			Button restore = SettingsDialogs.find(preferences, Button.class, b -> b.getText().replace("&", "").equals("Restore Defaults")).get(0);
			restore.notifyListeners(SWT.Selection, new Event());
			assertEquals("Warning", severityOf(preferences, "global-write").getText());
			assertEquals("Error", severityOf(preferences, "rom-write").getText());
		} finally {
			preferences.close();
		}
	}
}
