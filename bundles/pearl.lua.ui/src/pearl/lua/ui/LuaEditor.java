package pearl.lua.ui;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import pearl.lua.ide.folding.LuaEditorFacts;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ui.editor.ToggleCommentAction;
import pearl.lua.ui.outline.LuaOutlinePage;

/**
 * The editor for Lua files: Eclipse's text editor with Lua's lexical and semantic colours, lint
 * annotations while typing, content assist, hover, hyperlinks, folding, bracket matching,
 * auto-indent, toggle comment and an outline, each following what the reconciler learns.
 */
public class LuaEditor extends TextEditor {

	/** The editor's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.editor";

	/**
	 * The pause after the last keystroke before the file is linted again: short enough that a
	 * finding shows within 300 ms of the keystroke on a 2,000-line file (releng/scripts/bench-editor.sh).
	 */
	public static final int RECONCILE_DELAY_MS = 150;

	/** The key binding context of Lua editors (Ctrl+/ toggles comments here). */
	public static final String CONTEXT = "pearl.lua.ui.editorScope";

	/** Preference: highlight the bracket matching the one at the caret. */
	static final String MATCHING_BRACKETS = "pearl.lua.ui.matchingBrackets";

	/** Preference: the colour of that highlight. */
	static final String MATCHING_BRACKETS_COLOR = "pearl.lua.ui.matchingBracketsColor";

	private static final String BUNDLE = "pearl.lua.ui";

	private final LuaEditorInput input = new LuaEditorInput(this::getEditorInput);
	private final CopyOnWriteArrayList<Consumer<LuaAnalysis>> listeners = new CopyOnWriteArrayList<>();
	private volatile LuaAnalysis analysis;
	private SemanticColours semanticColours;
	private FoldingRegions foldingRegions;
	private LuaOutlinePage outlinePage;

	public LuaEditor() {
		// here, not in initializeEditor(): that runs in the super constructor, before this class's fields exist
		IPreferenceStore preferences = new ChainedPreferenceStore(new IPreferenceStore[] { luaPreferences(), EditorsUI.getPreferenceStore() });
		setPreferenceStore(preferences);
		// a hover other bundles add as an adapter of the editor: the debugger's, which this bundle must not know
		setSourceViewerConfiguration(new LuaSourceViewerConfiguration(getSharedColors(), preferences, input, this::analysed, this::analyse,
				this::analyseAndLint, () -> Adapters.adapt(this, ITextHover.class)));
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT });
	}

	/** The Lua editor's own preferences, with their defaults. */
	private static IPreferenceStore luaPreferences() {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, BUNDLE);
		store.setDefault(MATCHING_BRACKETS, true);
		store.setDefault(MATCHING_BRACKETS_COLOR, "128,128,128");
		return store;
	}

	@Override
	protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
		ProjectionViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
		getSourceViewerDecorationSupport(viewer); // installs the bracket matcher and the current line highlight
		return viewer;
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
		ProjectionSupport projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
		projection.install();
		viewer.doOperation(ProjectionViewer.TOGGLE);
		semanticColours = new SemanticColours(viewer, getSharedColors());
		foldingRegions = new FoldingRegions(viewer);
	}

	@Override
	protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
		super.configureSourceViewerDecorationSupport(support);
		StringBuilder brackets = new StringBuilder();
		LuaEditorFacts.BRACKETS.forEach(pair -> brackets.append(pair.open()).append(pair.close()));
		support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(brackets.toString().toCharArray()));
		support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
	}

	@Override
	protected void createActions() {
		super.createActions();
		ResourceBundle messages = ResourceBundle.getBundle("pearl.lua.ui.editor.messages");
		IAction assist = new ContentAssistAction(messages, "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
		markAsStateDependentAction("ContentAssistProposal", true);
		IAction comment = new ToggleCommentAction(messages, this, getSourceViewer());
		setAction("ToggleComment", comment);
		markAsStateDependentAction("ToggleComment", true);
	}

	@Override
	protected void editorContextMenuAboutToShow(IMenuManager menu) {
		super.editorContextMenuAboutToShow(menu);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "ToggleComment");
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "ContentAssistProposal");
	}

	@Override
	public <T> T getAdapter(Class<T> required) {
		if (IContentOutlinePage.class.equals(required)) {
			if (outlinePage == null) {
				outlinePage = new LuaOutlinePage(this);
			}
			return required.cast(outlinePage);
		}
		return super.getAdapter(required);
	}

	@Override
	public void dispose() {
		if (semanticColours != null) {
			semanticColours.dispose();
		}
		listeners.clear();
		super.dispose();
	}

	/** Lints the text of every open Lua editor again now, as after a change of the lint or board settings. */
	public static void relintAll() {
		for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			for (IWorkbenchPage page : window.getPages()) {
				for (IEditorReference reference : page.getEditorReferences()) {
					if (reference.getEditor(false) instanceof LuaEditor lua
							&& lua.getSourceViewerConfiguration() instanceof LuaSourceViewerConfiguration configuration) {
						configuration.reconcileNow();
					}
				}
			}
		}
	}

	/** What the reconciler last learned about the text, or null before the first reconcile. */
	public LuaAnalysis analysis() {
		return analysis;
	}

	/**
	 * The analysis of {@code text}, the editor's text at a keystroke: the reconciler's when it
	 * analysed this very text, else a fresh parse in the project (not linted: its issues are empty).
	 */
	public LuaAnalysis analyse(String text) {
		return analyse(text, false);
	}

	/** The analysis of {@code text} with its lint findings, as quick fixes need it. */
	LuaAnalysis analyseAndLint(String text) {
		return analyse(text, true);
	}

	private LuaAnalysis analyse(String text, boolean lint) {
		LuaAnalysis known = analysis;
		if (known != null && known.document().text().equals(text)) {
			return known;
		}
		LuaServices services = LuaServices.get();
		LuaDocument document = services.parse(input.fileName(), text);
		LuaProject project = services.folder(input.projectRoot()).project(List.of(document));
		return new LuaAnalysis(document, project, lint ? services.lint(document, project) : List.of());
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
		if (semanticColours != null) {
			semanticColours.analysed(latest);
		}
		if (foldingRegions != null) {
			foldingRegions.analysed(latest);
		}
		listeners.forEach(listener -> listener.accept(latest));
	}
}
