package pearl.lua.ui.assist;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import pearl.lua.ide.navigation.SourceLocation;

/** A link to a place in a Lua file: opens it in the Lua editor with the place selected. */
final class SourceHyperlink implements IHyperlink {

	private final IRegion region;
	private final SourceLocation target;

	SourceHyperlink(IRegion region, SourceLocation target) {
		this.region = region;
		this.target = target;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return region;
	}

	@Override
	public String getTypeLabel() {
		return "Open Definition";
	}

	@Override
	public String getHyperlinkText() {
		return "Open Definition in " + Path.of(target.fileName()).getFileName();
	}

	@Override
	public void open() {
		open(target);
	}

	/** Opens {@code target}'s file (a workspace file if it is one) and selects its range. */
	static void open(SourceLocation target) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Path path = Path.of(target.fileName());
		try {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toUri());
			IEditorPart editor = files.length > 0 ? IDE.openEditor(page, files[0])
					: IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(path.toUri()));
			if (editor instanceof ITextEditor text) {
				text.selectAndReveal(target.range().offset(), target.range().length());
			}
		} catch (CoreException e) {
			PlatformUI.getWorkbench().getDisplay().beep(); // the file went away since it was analysed
		}
	}
}
