package pearl.lua.ui;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** How the Lua editor shows text: lexical colours from {@link LuaTokenScanner}. */
public class LuaSourceViewerConfiguration extends TextSourceViewerConfiguration {

	private final ISharedTextColors colors;

	/** A configuration whose colours come from {@code colors} (the editor's shared ones). */
	public LuaSourceViewerConfiguration(ISharedTextColors colors) {
		this.colors = colors;
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
