package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.LuaEditor;
import pearl.lua.ui.project.LuaBuilder;
import pearl.lua.ui.project.NewNodeMcuProjectWizard;
import pearl.lua.ui.project.NodeMcuNature;
import pearl.lua.ui.project.ProblemMarkers;

/** File > New > NodeMCU Project makes a project with a safe init.lua, an app and a .luacheckrc, linted clean. */
class NewProjectWizardTest {

	@Test
	void theWizardIsUnderNodeMcuInFileNew() {
		IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NewNodeMcuProjectWizard.ID);
		assertNotNull(descriptor, "no New NodeMCU Project wizard");
		assertEquals("NodeMCU Project", descriptor.getLabel());
		assertEquals("NodeMCU", descriptor.getCategory().getLabel());
		String[] shortcuts = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getNewWizardShortcuts();
		assertTrue(Arrays.asList(shortcuts).contains(NewNodeMcuProjectWizard.ID), "not in File > New: " + Arrays.toString(shortcuts));
	}

	@Test
	void typingANameAndFinishingMakesALintCleanNodeMcuProjectAndOpensInitLua() throws Exception {
		Display display = Display.getCurrent();
		NewNodeMcuProjectWizard wizard = new NewNodeMcuProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			assertFalse(wizard.canFinish(), "a project needs a name");
			firstText(dialog.getShell()).setText("blinky");
			Workbenches.flushEvents(display);
			Workbenches.screenshot(display, "new-project-wizard.png");
			assertTrue(wizard.canFinish(), "the name was typed");
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("blinky");
		assertEquals(project, wizard.created());
		assertTrue(project.isOpen());
		for (String name : new String[] { "init.lua", "app.lua", ".luacheckrc" }) {
			assertTrue(project.getFile(name).exists(), name + " was not made");
		}
		assertTrue(project.hasNature(NodeMcuNature.ID));
		assertArrayEquals(new String[] { LuaBuilder.ID },
				Arrays.stream(project.getDescription().getBuildSpec()).map(ICommand::getBuilderName).toArray(String[]::new));

		IEditorPart editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		assertNotNull(editor, "init.lua did not open");
		assertEquals(LuaEditor.ID, editor.getSite().getId());
		assertEquals("init.lua", editor.getEditorInput().getName());

		Workbenches.waitForBuild(display);
		IMarker[] markers = project.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
		assertEquals(0, markers.length, "the new project has findings: " + Workbenches.describe(markers));
		editor.getSite().getPage().closeEditor(editor, false);
		project.delete(true, true, null);
	}

	private static Text firstText(Composite composite) {
		for (Control child : composite.getChildren()) {
			if (child instanceof Text text && text.isVisible()) {
				return text;
			}
			if (child instanceof Composite inner) {
				Text text = firstText(inner);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}
}
