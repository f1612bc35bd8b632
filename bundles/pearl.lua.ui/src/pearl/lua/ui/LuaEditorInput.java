package pearl.lua.ui;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;

/**
 * Where an editor's text lives, as the services need to know it: the file's name on disk and the
 * folder of the project whose other files it sees. A workspace file belongs to its Eclipse
 * project; a file opened from outside the workspace to its own folder.
 */
final class LuaEditorInput {

	private static final String UNTITLED = "untitled.lua";

	private final Supplier<IEditorInput> input;

	LuaEditorInput(Supplier<IEditorInput> input) {
		this.input = input;
	}

	/** The workspace file being edited, or null. */
	IFile file() {
		return input.get() instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
	}

	/** The absolute path of the file on disk, or null (an untitled document). */
	Path path() {
		IFile file = file();
		if (file != null) {
			IPath location = file.getLocation();
			return location == null ? null : location.toFile().toPath();
		}
		if (input.get() instanceof IURIEditorInput uriInput && "file".equals(uriInput.getURI().getScheme())) {
			return Path.of(uriInput.getURI());
		}
		return null;
	}

	/** The name the services know the document by. */
	String fileName() {
		Path path = path();
		return path == null ? Path.of(System.getProperty("java.io.tmpdir"), UNTITLED).toString() : path.toString();
	}

	/** The folder of the project the file belongs to. */
	Path projectRoot() {
		IFile file = file();
		if (file != null && file.getProject().getLocation() != null) {
			return file.getProject().getLocation().toFile().toPath();
		}
		Path folder = Path.of(fileName()).getParent();
		return folder == null ? Path.of(System.getProperty("java.io.tmpdir")) : folder;
	}
}
