package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.project.NodeMcuNature;
import pearl.lua.ui.project.NodeMcuProjects;
import pearl.lua.ui.project.ProblemMarkers;

/**
 * The Lua builder of a NodeMCU project: a leaked global typed in the editor is flagged while
 * typing and, once saved, in the Problems view; its quick fix edits the editor and, saved, the
 * marker goes. Changes to .luacheckrc and to the globals other files set are seen.
 */
class LuaBuilderTest {

	private IProject project;

	/** A new NodeMCU project, as the wizard makes it, deleted after the test. */
	private IProject project(String name) throws CoreException {
		project = NodeMcuProjects.create(name, null, null);
		return project;
	}

	@AfterEach
	void deleteProject() throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private static void write(IFile file, String text) throws CoreException {
		ByteArrayInputStream content = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(content, true, false, null);
		} else {
			file.create(content, true, null);
		}
	}

	/** The file's Pearl markers once the build is over and {@code expected} holds, or after 20 s. */
	private static List<IMarker> markersOnceBuilt(IResource resource, Predicate<List<IMarker>> expected) throws CoreException {
		Display display = Display.getCurrent();
		long until = System.currentTimeMillis() + 20_000;
		List<IMarker> markers = List.of();
		while (System.currentTimeMillis() < until) {
			Workbenches.waitForBuild(display);
			markers = Arrays.asList(resource.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE));
			if (expected.test(markers)) {
				break;
			}
		}
		return markers;
	}

	private static Predicate<List<IMarker>> has(String code) {
		return markers -> markers.stream().anyMatch(m -> code.equals(m.getAttribute(ProblemMarkers.LINT_CODE, "")));
	}

	private static IMarker only(List<IMarker> markers, String code) throws CoreException {
		List<IMarker> found = markers.stream().filter(m -> code.equals(m.getAttribute(ProblemMarkers.LINT_CODE, ""))).toList();
		assertEquals(1, found.size(), "markers: " + Workbenches.describe(markers.toArray(new IMarker[0])));
		return found.get(0);
	}

	private static IMarkerResolution resolution(IMarker marker, String label) {
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		return Arrays.stream(resolutions).filter(r -> r.getLabel().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no '" + label + "' among " + Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList()));
	}

	@Test
	void aLeakedGlobalIsMarkedOnSaveAndItsQuickFixMakesTheMarkerGo() throws Exception {
		IProject project = project("counter");
		IFile app = project.getFile("app.lua");
		assertEquals(List.of(), markersOnceBuilt(project, List::isEmpty), "the new project lints clean");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = IDE.openEditor(page, app);
		StyledText text = (StyledText) editor.getAdapter(Control.class);
		text.replaceTextRange(0, 0, "count = 0\nprint(count)\n");
		List<String> annotations = Workbenches.annotationsOnceSettled(editor,
				a -> a.stream().anyMatch(t -> t != null && t.endsWith("[global-write]")));
		assertTrue(annotations.stream().anyMatch(t -> t != null && t.contains("'count'") && t.endsWith("[global-write]")),
				"no annotation while typing: " + annotations);
		assertEquals(List.of(), Arrays.asList(app.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO)), "markers come on save");

		editor.doSave(null);
		IMarker marker = only(markersOnceBuilt(app, has("global-write")), "global-write");
		assertEquals(1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(0, marker.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(5, marker.getAttribute(IMarker.CHAR_END, -1));
		assertEquals(IMarker.SEVERITY_WARNING, marker.getAttribute(IMarker.SEVERITY, -1));
		String message = marker.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("'count'") && message.endsWith("[global-write]"), message);

		page.showView(IPageLayout.ID_PROBLEM_VIEW);
		Workbenches.flushEvents(text.getDisplay()); // the view fills itself in a job
		Workbenches.expandTable(page.getWorkbenchWindow().getShell(), "Description");
		Workbenches.flushEvents(text.getDisplay());
		Workbenches.screenshot(text.getDisplay(), "problems-view.png");

		resolution(marker, "Make 'count' local").run(marker);
		assertTrue(text.getText().startsWith("local count = 0\nprint(count)\n"), "the editor shows the fix: " + text.getText().lines().findFirst());
		assertTrue(editor.isDirty(), "the fix is in the editor, for the user to save");
		editor.doSave(null);
		assertEquals(List.of(), markersOnceBuilt(app, List::isEmpty), "the marker stays after the fix was saved");
	}

	@Test
	void declaringTheGlobalInLuacheckrcRelintsAndRemovesTheMarker() throws Exception {
		IProject project = project("declared");
		IFile leak = project.getFile("leak.lua");
		write(leak, "count = 0\nprint(count)\n");
		IMarker marker = only(markersOnceBuilt(leak, has("global-write")), "global-write");

		// the fix edits .luacheckrc, which no editor has open: it is written to disk and relinted
		resolution(marker, "Add 'count' to .luacheckrc globals").run(marker);
		String config = new String(project.getFile(".luacheckrc").getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(config.contains("globals = {\"count\"}"), config);
		assertEquals(List.of(), markersOnceBuilt(leak, List::isEmpty));

		write(project.getFile(".luacheckrc"), config.replace("globals = {\"count\"}", "globals = {}"));
		only(markersOnceBuilt(leak, has("global-write")), "global-write");
	}

	@Test
	void aGlobalSetInAnotherFileClearsTheReadersFindingAndItsRemovalBringsItBack() throws Exception {
		IProject project = project("shared");
		IFile reader = project.getFile("reader.lua");
		write(reader, "print(threshold)\n");
		only(markersOnceBuilt(reader, has("global-read")), "global-read");

		IFile setter = project.getFile("setter.lua");
		write(setter, "threshold = 30\n");
		assertEquals(List.of(), markersOnceBuilt(reader, List::isEmpty), "reader.lua was not linted again");

		write(setter, "local threshold = 30\nprint(threshold)\n");
		only(markersOnceBuilt(reader, has("global-read")), "global-read");
		setter.delete(true, null);
	}

	@Test
	void aFileThatIsNotLuaIsAFindingAndTheOtherFilesAreStillLinted() throws Exception {
		IProject project = project("broken");
		IFile broken = project.getFile("broken.lua");
		write(broken, "if wifi.sta.getip() then\n  print(\"online\"\n");
		IFile leak = project.getFile("leak.lua");
		write(leak, "count = 0\n");
		IMarker syntax = only(markersOnceBuilt(broken, has("syntax")), "syntax");
		assertEquals(IMarker.SEVERITY_ERROR, syntax.getAttribute(IMarker.SEVERITY, -1));
		assertNotNull(syntax.getAttribute(IMarker.MESSAGE, null));
		only(markersOnceBuilt(leak, has("global-write")), "global-write");
		assertEquals(0, IDE.getMarkerHelpRegistry().getResolutions(syntax).length, "a syntax error has no quick fix");
	}

	@Test
	void convertingAPlainProjectFromItsContextMenuLintsItsFiles() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("plain");
		project.create(null);
		project.open(null);
		IFile leak = project.getFile("leak.lua");
		write(leak, "count = 0\n");
		Workbenches.waitForBuild(Display.getCurrent());
		assertEquals(0, leak.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO).length, "not a NodeMCU project yet");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IViewPart explorer = page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(project));
		Workbenches.flushEvents(Display.getCurrent());
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("pearl.lua.ui.convertToNodeMcuProject", null);

		assertTrue(project.hasNature(NodeMcuNature.ID));
		only(markersOnceBuilt(leak, has("global-write")), "global-write");
	}
}
