package pearl.lua.ui.outline;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import pearl.lua.ide.outline.LuaOutline;
import pearl.lua.ide.outline.OutlineSymbol;
import pearl.lua.ui.LuaAnalysis;
import pearl.lua.ui.LuaEditor;

/**
 * The Outline view of a Lua editor: the functions, module table, globals and main-chunk locals
 * {@link LuaOutline} finds, refreshed after each reconcile; choosing one selects its name in the
 * editor.
 */
public final class LuaOutlinePage extends ContentOutlinePage {

	private final LuaOutline outline = new LuaOutline();
	private final LuaEditor editor;
	private final Consumer<LuaAnalysis> listener = this::analysed;

	/** The outline of {@code editor}. */
	public LuaOutlinePage(LuaEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new SymbolTree());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				OutlineSymbol symbol = (OutlineSymbol) element;
				return symbol.detail().isEmpty() ? symbol.name() : symbol.name() + " " + symbol.detail();
			}

			@Override
			public org.eclipse.swt.graphics.Image getImage(Object element) {
				return OutlineImages.of(((OutlineSymbol) element).kind());
			}
		});
		viewer.setAutoExpandLevel(2);
		editor.addAnalysisListener(listener);
		LuaAnalysis known = editor.analysis();
		viewer.setInput(known == null ? List.of() : outline.symbols(known.document()));
	}

	private void analysed(LuaAnalysis analysis) {
		List<OutlineSymbol> symbols = outline.symbols(analysis.document());
		Control control = getControl();
		if (control == null || control.isDisposed()) {
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				getTreeViewer().setInput(symbols);
			}
		});
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof OutlineSymbol symbol) {
			editor.selectAndReveal(symbol.selection().offset(), symbol.selection().length());
		}
	}

	@Override
	public void dispose() {
		editor.removeAnalysisListener(listener);
		super.dispose();
	}

	/** The symbols as a tree: the input is the top-level list. */
	private static final class SymbolTree implements ITreeContentProvider {

		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return ((OutlineSymbol) parent).children().toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return !((OutlineSymbol) element).children().isEmpty();
		}
	}
}
