package pearl.lua.ui;

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;

/** The editor for Lua files: Eclipse's text editor with Lua's colours and lint annotations while typing. */
public class LuaEditor extends TextEditor {

	/** The editor's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.editor";

	public LuaEditor() {
		setSourceViewerConfiguration(new LuaSourceViewerConfiguration(getSharedColors(), this::file));
	}

	/** The file on disk being edited, or null (an untitled document). */
	private Path file() {
		IEditorInput input = getEditorInput();
		IFile file = input instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
		return file == null || file.getLocation() == null ? null : file.getLocation().toFile().toPath();
	}
}
