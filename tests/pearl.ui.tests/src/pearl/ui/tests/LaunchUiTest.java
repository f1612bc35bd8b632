package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IHyperlink;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.part.PageBookView;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.PearlLaunching;
import pearl.launch.ProjectConfigurations;
import pearl.launch.device.DeviceAttributes;
import pearl.launch.emulator.EmulatorAttributes;
import pearl.lua.ui.LuaEditor;
import pearl.lua.ui.project.NodeMcuNature;
import pearl.lua.ui.project.SampleProjectStartup;
import pearl.ui.launching.DeviceTab;
import pearl.ui.launching.EmulatorLaunchShortcut;
import pearl.ui.launching.EmulatorTab;

/**
 * Launching from the workbench: the launch configuration tabs, Run As on a project or a file, the
 * board's UART in the Console view, links from Lua errors into the editor and the REPL in the console.
 */
class LaunchUiTest {

	@AfterEach
	void clean() throws Exception {
		System.clearProperty(SampleProjectStartup.SAMPLE_PROPERTY);
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : manager.getLaunches()) {
			if (launch.canTerminate()) {
				launch.terminate();
			}
			manager.removeLaunch(launch);
		}
		for (ILaunchConfiguration c : manager.getLaunchConfigurations()) {
			c.delete();
		}
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
	}

	@Test
	void theEmulatorTabShowsTheAttributesChecksThemAndAppliesEdits() throws Exception {
		IProject project = nodeMcuProject("blinky", "print('blink')\n");
		ILaunchConfigurationWorkingCopy copy = ProjectConfigurations.create(PearlLaunching.EMULATOR_TYPE, project);
		copy.setAttribute(EmulatorAttributes.RUN_LENGTH, "10s");
		copy.setAttribute(EmulatorAttributes.REALTIME, false);
		copy.setAttribute(EmulatorAttributes.SEED, 42);
		copy.setAttribute(EmulatorAttributes.PROFILE, "boards/wemos.nodemcu-board.json");
		ILaunchConfiguration configuration = copy.doSave();

		LaunchDialogs.inDialog(configuration, (shell, dialog) -> {
			EmulatorTab tab = LaunchDialogs.tab(dialog, EmulatorTab.class);
			Composite page = (Composite) tab.getControl();
			assertEquals("blinky", LaunchDialogs.field(page, "Project:", Combo.class).getText());
			assertEquals("boards/wemos.nodemcu-board.json", LaunchDialogs.field(page, "Board profile:", Text.class).getText());
			Text runLength = LaunchDialogs.field(page, "Run length:", Text.class);
			Text seed = LaunchDialogs.field(page, "Seed:", Text.class);
			assertEquals("10s", runLength.getText());
			assertEquals("42", seed.getText());
			assertTrue(LaunchDialogs.button(page, "Virtual time, as fast as the host runs it").getSelection());
			assertFalse(LaunchDialogs.button(page, "Real time, paced to the wall clock").getSelection());
			assertNull(tab.getErrorMessage());
			Workbenches.screenshot(shell.getDisplay(), "launch-emulator-tab.png");

			runLength.setText("ten seconds");
			Workbenches.flushEvents(shell.getDisplay(), 200);
			assertTrue(String.valueOf(tab.getErrorMessage()).contains("500ms, 10s"), tab.getErrorMessage());
			runLength.setText("2m");
			seed.setText("x");
			Workbenches.flushEvents(shell.getDisplay(), 200);
			assertTrue(String.valueOf(tab.getErrorMessage()).contains("seed"), tab.getErrorMessage());
			seed.setText("7");
			LaunchDialogs.field(page, "Project:", Combo.class).setText("");
			Workbenches.flushEvents(shell.getDisplay(), 200);
			assertEquals("Choose a NodeMCU project", tab.getErrorMessage());
			LaunchDialogs.field(page, "Project:", Combo.class).setText("blinky");
			LaunchDialogs.click(LaunchDialogs.button(page, "Real time, paced to the wall clock"));
			LaunchDialogs.click(LaunchDialogs.button(page, "Safe boot: start without running init.lua"));
			assertNull(tab.getErrorMessage());
			LaunchDialogs.click(LaunchDialogs.button(shell, "Apply"));
		});

		ILaunchConfiguration saved = ProjectConfigurations.find(PearlLaunching.EMULATOR_TYPE, project);
		assertEquals("2m", saved.getAttribute(EmulatorAttributes.RUN_LENGTH, ""));
		assertEquals(7, saved.getAttribute(EmulatorAttributes.SEED, 0));
		assertTrue(saved.getAttribute(EmulatorAttributes.REALTIME, false));
		assertTrue(saved.getAttribute(EmulatorAttributes.SAFE_BOOT, false));
	}

	@Test
	void theDeviceTabShowsTheAttributesChecksThemAndAppliesEdits() throws Exception {
		IProject project = nodeMcuProject("uploader", "print('up')\n");
		ILaunchConfigurationWorkingCopy copy = ProjectConfigurations.create(PearlLaunching.DEVICE_TYPE, project);
		copy.setAttribute(DeviceAttributes.PORT, "/dev/ttyUSB3");
		copy.setAttribute(DeviceAttributes.BAUD, 57600);
		copy.setAttribute(DeviceAttributes.CHANGED_ONLY, false);
		copy.setAttribute(DeviceAttributes.COMPILE, true);
		ILaunchConfiguration configuration = copy.doSave();

		LaunchDialogs.inDialog(configuration, (shell, dialog) -> {
			DeviceTab tab = LaunchDialogs.tab(dialog, DeviceTab.class);
			Composite page = (Composite) tab.getControl();
			Combo port = LaunchDialogs.field(page, "Serial port:", Combo.class);
			Combo baud = LaunchDialogs.field(page, "Baud:", Combo.class);
			assertEquals("/dev/ttyUSB3", port.getText());
			assertEquals("57600", baud.getText());
			assertTrue(LaunchDialogs.button(page, "All files").getSelection());
			assertFalse(LaunchDialogs.button(page, "Only files changed since the board got them").getSelection());
			assertTrue(LaunchDialogs.button(page, "Compile to .lc on the board (init.lua stays source)").getSelection());
			assertFalse(LaunchDialogs.button(page, "Minify: drop comments and indentation, keeping line numbers").getSelection());
			assertTrue(LaunchDialogs.button(page, "Restart the board, so init.lua runs").getSelection());
			assertTrue(LaunchDialogs.button(page, "Open the board's console").getSelection());
			assertNull(tab.getErrorMessage());
			Workbenches.screenshot(shell.getDisplay(), "launch-device-tab.png");

			port.setText("");
			Workbenches.flushEvents(shell.getDisplay(), 200);
			assertEquals("Choose the board's serial port", tab.getErrorMessage());
			port.setText("/dev/ttyACM0");
			baud.setText("fast");
			Workbenches.flushEvents(shell.getDisplay(), 200);
			assertTrue(String.valueOf(tab.getErrorMessage()).contains("baud rate"), tab.getErrorMessage());
			baud.setText("115200");
			LaunchDialogs.click(LaunchDialogs.button(page, "Refresh"));
			assertEquals("/dev/ttyACM0", port.getText(), "a refresh keeps the port typed");
			LaunchDialogs.click(LaunchDialogs.button(page, "Only files changed since the board got them"));
			LaunchDialogs.click(LaunchDialogs.button(page, "Minify: drop comments and indentation, keeping line numbers"));
			LaunchDialogs.click(LaunchDialogs.button(page, "Open the board's console"));
			assertNull(tab.getErrorMessage());
			LaunchDialogs.click(LaunchDialogs.button(shell, "Apply"));
		});

		ILaunchConfiguration saved = ProjectConfigurations.find(PearlLaunching.DEVICE_TYPE, project);
		assertEquals("/dev/ttyACM0", saved.getAttribute(DeviceAttributes.PORT, ""));
		assertEquals(115200, saved.getAttribute(DeviceAttributes.BAUD, 0));
		assertTrue(saved.getAttribute(DeviceAttributes.CHANGED_ONLY, false));
		assertTrue(saved.getAttribute(DeviceAttributes.MINIFY, false));
		assertTrue(saved.getAttribute(DeviceAttributes.COMPILE, false));
		assertFalse(saved.getAttribute(DeviceAttributes.OPEN_CONSOLE, true));
	}

	@Test
	void runAsOnTheSampleShowsItsUartInTheConsoleWhichTalksToTheRepl() throws Exception {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null); // the sample comes only to a fresh workspace
		}
		System.setProperty(SampleProjectStartup.SAMPLE_PROPERTY, SampleProjectTest.EXAMPLE.toString());
		new SampleProjectStartup().earlyStartup();
		Display display = Display.getCurrent();
		Workbenches.waitForBuild(display);
		IProject sample = ResourcesPlugin.getWorkspace().getRoot().getProject("weather-station");
		assertTrue(sample.isOpen(), "no sample project");

		new EmulatorLaunchShortcut().launch(new StructuredSelection(sample), ILaunchManager.RUN_MODE);
		TextConsole console = LaunchDialogs.console(display, text -> text.contains("weather station: starting in 3 s"));
		assertNotNull(console, "the sample's UART is in no console");
		ILaunchConfiguration made = ProjectConfigurations.find(PearlLaunching.EMULATOR_TYPE, sample);
		assertNotNull(made, "Run As made no configuration for the project");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		// the console comes into sight once the board's output reaches it, a moment after the document
		IViewPart view = Workbenches.await(display, () -> {
			IViewPart v = page.findView(IConsoleConstants.ID_CONSOLE_VIEW);
			return v != null && page.isPartVisible(v) ? v : null;
		});
		assertNotNull(view, "the Console view did not come into sight");

		StyledText input = consoleText(view);
		input.setCaretOffset(input.getCharCount());
		Workbenches.type(input, "print(6*7)\n");
		assertNotNull(Workbenches.await(display, () -> console.getDocument().get().contains("\n42") ? "" : null),
				"no answer to print(6*7):\n" + console.getDocument().get());
		// in real time the sample's app starts after 3 s and says how it samples
		assertNotNull(Workbenches.await(display, () -> console.getDocument().get().contains("sampling every") ? "" : null),
				console.getDocument().get());
		String shown = console.getDocument().get();
		assertEquals(shown.indexOf("print(6*7)"), shown.lastIndexOf("print(6*7)"), "the typed line shows twice:\n" + shown);
		assertTrue(shown.contains("print(6*7)\n42"), "the answer is not on the next line:\n" + shown);
		LaunchDialogs.pointerAway(display);
		Workbenches.screenshot(display, "console-uart.png");
	}

	@Test
	void aLuaErrorInTheConsoleLinksToItsLineInTheEditor() throws Exception {
		IProject project = nodeMcuProject("faulty", "print('starting')\nlocal config = nil\nprint(config.ssid)\n");
		IFile init = project.getFile("init.lua");
		Display display = Display.getCurrent();

		// Run As on the file: its project boots, init.lua fails on line 3
		new EmulatorLaunchShortcut().launch(new StructuredSelection(init), ILaunchManager.RUN_MODE);
		TextConsole console = LaunchDialogs.console(display, text -> text.contains("init.lua:3:"));
		assertNotNull(console, "no console shows the error");
		IHyperlink link = Workbenches.await(display, () -> console.getHyperlinks().length > 0 ? console.getHyperlinks()[0] : null);
		assertNotNull(link, "init.lua:3 is no link:\n" + console.getDocument().get());

		link.linkActivated();
		Workbenches.flushEvents(display);
		IEditorPart editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		assertNotNull(editor, "the link opened no editor");
		assertEquals(LuaEditor.ID, editor.getSite().getId());
		assertEquals(init, editor.getEditorInput().getAdapter(IFile.class));
		ITextSelection at = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
		assertEquals(2, at.getStartLine(), "the editor is not at line 3");
	}

	/** The text the Console view shows now: where the user types. */
	private static StyledText consoleText(IViewPart view) {
		StyledText found = find(((PageBookView) view).getCurrentPage().getControl());
		assertNotNull(found, "the Console view shows no text");
		return found;
	}

	private static StyledText find(Control root) {
		if (root instanceof StyledText text) {
			return text;
		}
		if (root instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				StyledText found = find(child);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** A NodeMCU project {@code name} whose init.lua is {@code init}. */
	private static IProject nodeMcuProject(String name, String init) throws CoreException {
		IFile file = LuaFiles.file(name, "init.lua", init);
		IProject project = file.getProject();
		IProjectDescription description = project.getDescription();
		description.setNatureIds(new String[] { NodeMcuNature.ID });
		project.setDescription(description, null);
		return project;
	}
}
