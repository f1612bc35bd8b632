package pearl.lua.ui;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.ui.editors.text.TextEditor;

/**
 * The editor for Lua files: Eclipse's text editor with Lua's colours, lint annotations while
 * typing, and the views that follow what the reconciler learns.
 */
public class LuaEditor extends TextEditor {

	/** The editor's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.editor";

	private final LuaEditorInput input = new LuaEditorInput(this::getEditorInput);
	private final CopyOnWriteArrayList<Consumer<LuaAnalysis>> listeners = new CopyOnWriteArrayList<>();
	private volatile LuaAnalysis analysis;

	public LuaEditor() {
		setSourceViewerConfiguration(new LuaSourceViewerConfiguration(getSharedColors(), input, this::analysed));
	}

	/** What the reconciler last learned about the text, or null before the first reconcile. */
	public LuaAnalysis analysis() {
		return analysis;
	}

	/** Has {@code listener} called, off the UI thread, with each new analysis. */
	public void addAnalysisListener(Consumer<LuaAnalysis> listener) {
		listeners.add(listener);
	}

	/** Stops calling {@code listener}. */
	public void removeAnalysisListener(Consumer<LuaAnalysis> listener) {
		listeners.remove(listener);
	}

	private void analysed(LuaAnalysis latest) {
		analysis = latest;
		listeners.forEach(listener -> listener.accept(latest));
	}
}
