package pearl.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/** Lua files in the test workspace, and editors on them, as a user makes and opens them. */
final class LuaFiles {

	private LuaFiles() {
	}

	/** The file {@code name} of {@code project} (both made if missing), holding {@code text}. */
	static IFile file(String project, String name, String text) throws CoreException {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(project);
		if (!p.exists()) {
			p.create(null);
		}
		p.open(null);
		IFile file = p.getFile(name);
		if (file.exists()) {
			file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, false, null);
		} else {
			file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		}
		return file;
	}

	/** Opens {@code name} of {@code project}, with {@code text}, as a user double-clicks it. */
	static IEditorPart open(String project, String name, String text) throws CoreException {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		return IDE.openEditor(page, file(project, name, text));
	}

	/** Closes {@code editor} without saving. */
	static void close(IEditorPart editor) {
		editor.getSite().getPage().closeEditor(editor, false);
	}
}
