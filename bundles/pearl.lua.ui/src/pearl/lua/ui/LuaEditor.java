package pearl.lua.ui;

import org.eclipse.ui.editors.text.TextEditor;

/** The editor for Lua files: Eclipse's text editor with Lua's colours. */
public class LuaEditor extends TextEditor {

	/** The editor's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.editor";

	public LuaEditor() {
		setSourceViewerConfiguration(new LuaSourceViewerConfiguration(getSharedColors()));
	}
}
