package pearl.lua.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.LuaIdeSetup;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.parser.LuaLineMap;

/**
 * Diagnostics while typing: after the reconciler's pause, has the headless {@link ProjectLinter}
 * lint the document's text off the UI thread, and replaces the editor's lint annotations in one
 * step.
 */
final class LuaReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	/** The annotation type of each severity, as Eclipse's text editors draw them. */
	static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	/** Made on the first reconcile, once for all editors: setting the parser up takes about a second. */
	private static final class Shared {
		static final LuaSources SOURCES = new LuaSources(LuaIdeSetup.doSetupIde());
		static final ProjectLinter LINTER = new ProjectLinter(SOURCES, LintRules.all());
	}

	private final ISourceViewer viewer;
	private final java.util.function.Supplier<Path> file;
	private IDocument document;
	private List<Annotation> shown = new ArrayList<>();

	LuaReconcilingStrategy(ISourceViewer viewer, java.util.function.Supplier<Path> file) {
		this.viewer = viewer;
		this.file = file;
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
		String text = document.get();
		Path path = file.get();
		LuaDocument lua = LuaDocument.parse(Shared.SOURCES, path == null ? "untitled.lua" : path.toString(), text, FirmwareModel.load());
		List<LintIssue> issues = Shared.LINTER.lint(lua, Set.of());
		LuaLineMap lines = lua.lines();
		Map<Annotation, Position> added = new HashMap<>();
		for (LintIssue issue : issues) {
			int start = lines.offset(issue.line(), issue.column());
			int end = Math.max(start, lines.offset(issue.endLine(), issue.endColumn()));
			String type = switch (issue.severity()) {
			case ERROR -> ERROR;
			case WARNING -> WARNING;
			case INFO -> INFO;
			};
			added.put(new Annotation(type, false, issue.message() + " [" + issue.code() + "]"), new Position(start, end - start));
		}
		replace(model, added);
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
