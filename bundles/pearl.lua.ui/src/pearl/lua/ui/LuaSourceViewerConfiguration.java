package pearl.lua.ui;

import java.util.function.Consumer;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** How the Lua editor shows text: lexical colours from {@link LuaTokenScanner}, lint annotations while typing. */
class LuaSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** The pause after the last keystroke before the file is linted again. */
	static final int RECONCILE_DELAY_MS = 200;

	private final ISharedTextColors colors;
	private final LuaEditorInput input;
	private final Consumer<LuaAnalysis> analysed;

	/**
	 * A configuration whose colours come from {@code colors} (the editor's shared ones), for the
	 * text of {@code input}; each analysis the reconciler makes goes to {@code analysed}.
	 */
	LuaSourceViewerConfiguration(ISharedTextColors colors, LuaEditorInput input, Consumer<LuaAnalysis> analysed) {
		this.colors = colors;
		this.input = input;
		this.analysed = analysed;
	}

	@Override
	public IReconciler getReconciler(ISourceViewer viewer) {
		MonoReconciler reconciler = new MonoReconciler(new LuaReconcilingStrategy(viewer, input, analysed), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(getConfiguredDocumentPartitioning(viewer));
		// the whole document is one partition: a long string or comment can change the colours of everything after it
		DefaultDamagerRepairer repairer = new WholeDocumentDamagerRepairer(new LuaTokenScanner(colors));
		reconciler.setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		return reconciler;
	}
}
