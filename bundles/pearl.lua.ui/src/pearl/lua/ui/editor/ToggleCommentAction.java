package pearl.lua.ui.editor;

import java.util.ResourceBundle;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.TextEditorAction;

import pearl.lua.ide.folding.LuaEditorFacts;

/**
 * Source &gt; Toggle Comment (Ctrl+/): comments out the selected lines with {@code --}, or, when
 * every non-blank one is already commented, takes the comment marks away.
 */
public final class ToggleCommentAction extends TextEditorAction {

	/** The command's id in {@code plugin.xml}. */
	public static final String COMMAND = "pearl.lua.ui.toggleComment";

	private final ISourceViewer viewer;

	/** The action for {@code editor}, whose viewer is {@code viewer}. */
	public ToggleCommentAction(ResourceBundle bundle, ITextEditor editor, ISourceViewer viewer) {
		super(bundle, "ToggleComment.", editor);
		this.viewer = viewer;
		setActionDefinitionId(COMMAND);
		setText("Toggle Comment");
	}

	@Override
	public void run() {
		ITextOperationTarget target = (ITextOperationTarget) getTextEditor().getAdapter(ITextOperationTarget.class);
		if (target == null || !validateEditorInputState()) {
			return;
		}
		int operation = allCommented() ? ITextOperationTarget.STRIP_PREFIX : ITextOperationTarget.PREFIX;
		BusyIndicator.showWhile(viewer.getTextWidget().getDisplay(), () -> target.doOperation(operation));
	}

	/** Whether every non-blank selected line starts, after its indentation, with the comment mark. */
	private boolean allCommented() {
		ITextSelection selection = (ITextSelection) getTextEditor().getSelectionProvider().getSelection();
		IDocument document = viewer.getDocument();
		int last = selection.getEndLine();
		// a selection ending at the start of a line does not take that line
		try {
			if (last > selection.getStartLine() && document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
				last--;
			}
			boolean any = false;
			for (int line = selection.getStartLine(); line <= last; line++) {
				IRegion region = document.getLineInformation(line);
				String text = document.get(region.getOffset(), region.getLength()).stripLeading();
				if (text.isEmpty()) {
					continue;
				}
				if (!text.startsWith(LuaEditorFacts.LINE_COMMENT)) {
					return false;
				}
				any = true;
			}
			return any;
		} catch (BadLocationException e) {
			return false;
		}
	}

	@Override
	public void update() {
		setEnabled(getTextEditor() != null && getTextEditor().isEditable());
	}
}
