package pearl.lua.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.LintIssue;
import pearl.lua.ui.project.ProblemMarkers;

/**
 * Diagnostics while typing: after the reconciler's pause, has the headless linter ({@link LuaServices})
 * lint the document's text off the UI thread, and replaces the editor's lint annotations in one
 * step.
 */
final class LuaReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final ISourceViewer viewer;
	private final LuaEditorInput input;
	private final Consumer<LuaAnalysis> analysed;
	private IDocument document;
	private List<Annotation> shown = new ArrayList<>();

	/** Reconciles {@code viewer}'s document, the text of {@code input}, and hands each analysis to {@code analysed}. */
	LuaReconcilingStrategy(ISourceViewer viewer, LuaEditorInput input, Consumer<LuaAnalysis> analysed) {
		this.viewer = viewer;
		this.input = input;
		this.analysed = analysed;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
	}

	@Override
	public void initialReconcile() {
		reconcile((IRegion) null);
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile(subRegion);
	}

	@Override
	public void reconcile(IRegion partition) {
		IAnnotationModel model = viewer.getAnnotationModel();
		if (document == null || model == null) {
			return;
		}
		LuaServices services = LuaServices.get();
		LuaDocument lua = services.parse(input.fileName(), document.get());
		LuaProject project = services.folder(input.projectRoot()).project(List.of(lua));
		List<LintIssue> issues = services.lint(lua, project);
		Map<Annotation, Position> added = new HashMap<>();
		for (LintIssue issue : issues) {
			TextRange range = lua.rangeOf(issue);
			added.put(new Annotation(LintAnnotations.typeOf(issue.severity()), false, ProblemMarkers.text(issue)), new Position(range.offset(), range.length()));
		}
		replace(model, added);
		analysed.accept(new LuaAnalysis(lua, project, issues));
	}

	private synchronized void replace(IAnnotationModel model, Map<Annotation, Position> added) {
		Annotation[] old = shown.toArray(new Annotation[0]);
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(old, added);
		} else {
			for (Annotation annotation : old) {
				model.removeAnnotation(annotation);
			}
			added.forEach(model::addAnnotation);
		}
		shown = new ArrayList<>(added.keySet());
	}
}
