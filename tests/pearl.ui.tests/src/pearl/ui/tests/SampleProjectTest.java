package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.LuaEditor;
import pearl.lua.ui.project.NodeMcuNature;
import pearl.lua.ui.project.SampleProjectStartup;

/**
 * {@code ./pearl ide} on a fresh workspace: the example project (the repository's, as ./pearl
 * names it) is copied in as a NodeMCU project and its init.lua opens; a workspace with projects
 * is left alone.
 */
class SampleProjectTest {

	/** The repository's example project, which ./pearl ide imports into a fresh workspace. */
	static final Path EXAMPLE = Path.of(System.getProperty("pearl.examples", "../../examples"), "weather-station")
			.toAbsolutePath().normalize();

	@AfterEach
	void forgetTheSample() throws Exception {
		System.clearProperty(SampleProjectStartup.SAMPLE_PROPERTY);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
	}

	@Test
	void anEmptyWorkspaceGetsACopyOfTheExampleWithInitLuaOpen() throws Exception {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		for (IProject project : root.getProjects()) {
			project.delete(true, true, null); // left by other tests: the workspace must look fresh
		}
		assertTrue(Files.isRegularFile(EXAMPLE.resolve("init.lua")), "no example at " + EXAMPLE);
		String exampleInit = Files.readString(EXAMPLE.resolve("init.lua"));
		System.setProperty(SampleProjectStartup.SAMPLE_PROPERTY, EXAMPLE.toString());

		new SampleProjectStartup().earlyStartup();
		Display display = Display.getCurrent();
		Workbenches.waitForBuild(display);

		IProject project = root.getProject("weather-station");
		assertTrue(project.isOpen(), "the sample was not imported");
		assertTrue(project.hasNature(NodeMcuNature.ID));
		assertTrue(project.getLocation().toFile().toPath().startsWith(root.getLocation().toFile().toPath()),
				"a copy in the workspace, so the user's edits leave the repository alone: " + project.getLocation());
		assertEquals(exampleInit, new String(project.getFile("init.lua").getContents().readAllBytes()));
		assertTrue(project.getFile("app.lua").exists());

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = page.getActiveEditor();
		assertNotNull(editor, "init.lua did not open");
		assertEquals(LuaEditor.ID, editor.getSite().getId());
		assertEquals(project.getFile("init.lua"), editor.getEditorInput().getAdapter(IFile.class));
		assertTrue(page.isPartVisible(page.findView(IPageLayout.ID_PROBLEM_VIEW)), "the sample's findings are not in sight");
		Workbenches.flushEvents(display);
		Workbenches.screenshot(display, "sample-project.png");
	}

	@Test
	void aWorkspaceWithAProjectIsLeftAlone() throws Exception {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		IProject mine = root.getProject("mine");
		if (!mine.exists()) {
			mine.create(null);
		}
		mine.open(null);
		// other tests may have left projects and editors: what counts is that nothing is added
		int projects = root.getProjects().length;
		var editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		System.setProperty(SampleProjectStartup.SAMPLE_PROPERTY, EXAMPLE.toString());

		new SampleProjectStartup().earlyStartup();
		Workbenches.waitForBuild(Display.getCurrent());

		assertEquals(projects, root.getProjects().length, "the sample was imported into a workspace in use");
		assertEquals(editor, PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor());
	}
}
