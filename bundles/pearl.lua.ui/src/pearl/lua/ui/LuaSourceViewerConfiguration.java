package pearl.lua.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

import pearl.lua.ide.folding.LuaEditorFacts;
import pearl.lua.ui.assist.LuaCompletionProcessor;
import pearl.lua.ui.assist.LuaHyperlinkDetector;
import pearl.lua.ui.assist.LuaQuickAssistProcessor;
import pearl.lua.ui.assist.LuaTextHover;
import pearl.lua.ui.editor.LuaAutoIndentStrategy;

/**
 * How the Lua editor shows and helps with text: lexical colours from {@link LuaTokenScanner}, lint
 * annotations while typing, content assist, quick fixes (Ctrl+1), hover, hyperlinks to definitions, auto-indent and the
 * comment prefix. Each is a thin adapter over a headless service of {@code pearl.lua.ide}.
 */
class LuaSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** The pause after {@code .} or {@code :} before the completion list opens by itself. */
	static final int AUTO_ACTIVATION_DELAY_MS = 100;

	private final ISharedTextColors colors;
	private final LuaEditorInput input;
	private final Consumer<LuaAnalysis> analysed;
	private final Function<String, LuaAnalysis> analyse;
	private final Function<String, LuaAnalysis> analyseAndLint;
	private final Supplier<ITextHover> addedHover;

	/**
	 * A configuration whose colours come from {@code colors} (the editor's shared ones), for the
	 * text of {@code input}; each analysis the reconciler makes goes to {@code analysed}, and the
	 * services that need the text as it is at a keystroke get it from {@code analyse}, or with its
	 * lint findings from {@code analyseAndLint}; {@code addedHover} gives a hover other bundles add
	 * (or null).
	 */
	LuaSourceViewerConfiguration(ISharedTextColors colors, IPreferenceStore preferences, LuaEditorInput input, Consumer<LuaAnalysis> analysed,
			Function<String, LuaAnalysis> analyse, Function<String, LuaAnalysis> analyseAndLint, Supplier<ITextHover> addedHover) {
		super(preferences);
		this.colors = colors;
		this.input = input;
		this.analysed = analysed;
		this.analyse = analyse;
		this.analyseAndLint = analyseAndLint;
		this.addedHover = addedHover;
	}

	private LuaReconcilingStrategy strategy;

	@Override
	public IReconciler getReconciler(ISourceViewer viewer) {
		strategy = new LuaReconcilingStrategy(viewer, input, analysed);
		MonoReconciler reconciler = new MonoReconciler(strategy, false);
		reconciler.setDelay(LuaEditor.RECONCILE_DELAY_MS);
		return reconciler;
	}

	/** Lints the text again now, in the background, as after a change of the lint settings. */
	void reconcileNow() {
		LuaReconcilingStrategy now = strategy;
		if (now != null) {
			Job.create("Checking Lua with the new settings", monitor -> {
				now.reconcile((IRegion) null);
			}).schedule();
		}
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

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer viewer) {
		ContentAssistant assistant = new ContentAssistant(true);
		assistant.setDocumentPartitioning(getConfiguredDocumentPartitioning(viewer));
		assistant.setContentAssistProcessor(new LuaCompletionProcessor(analyse), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(AUTO_ACTIVATION_DELAY_MS);
		assistant.enableAutoInsert(true);
		assistant.enablePrefixCompletion(true);
		assistant.setProposalPopupOrientation(IContentAssistant.PROPOSAL_OVERLAY);
		assistant.setInformationControlCreator(getInformationControlCreator(viewer));
		return assistant;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer viewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new LuaQuickAssistProcessor(analyseAndLint));
		assistant.setInformationControlCreator(getInformationControlCreator(viewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
		return new LuaTextHover(viewer, analyse, addedHover);
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer viewer) {
		List<IHyperlinkDetector> detectors = new ArrayList<>();
		detectors.add(new LuaHyperlinkDetector(analyse));
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(viewer);
		if (inherited != null) {
			detectors.addAll(Arrays.asList(inherited));
		}
		return detectors.toArray(IHyperlinkDetector[]::new);
	}

	@Override
	public IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer viewer, String contentType) {
		String[] prefixes = getIndentPrefixes(viewer, contentType);
		return new IAutoEditStrategy[] { new LuaAutoIndentStrategy(prefixes.length > 0 ? prefixes[0] : "\t") };
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer viewer, String contentType) {
		return new String[] { LuaEditorFacts.LINE_COMMENT, "" };
	}
}
