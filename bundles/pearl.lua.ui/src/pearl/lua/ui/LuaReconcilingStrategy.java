package pearl.lua.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;
import pearl.lua.lint.config.LuacheckConfigException;
import pearl.lua.lint.config.ProjectConfig;
import pearl.lua.parser.LuaLineMap;

/**
 * Diagnostics while typing: after the reconciler's pause, lints the document's text as
 * {@code pearl lint} would (with the project's {@code .luacheckrc}) off the UI thread, and
 * replaces the editor's lint annotations in one step.
 */
final class LuaReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	/** The annotation type of each severity, as Eclipse's text editors draw them. */
	static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private static LuaSources sources;

	private final ISourceViewer viewer;
	private final java.util.function.Supplier<Path> file;
	private IDocument document;
	private List<Annotation> shown = new ArrayList<>();

	LuaReconcilingStrategy(ISourceViewer viewer, java.util.function.Supplier<Path> file) {
		this.viewer = viewer;
		this.file = file;
	}

	private static synchronized LuaSources sources() {
		if (sources == null) {
			sources = new LuaSources(pearl.lua.ide.LuaIdeSetup.doSetupIde());
		}
		return sources;
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
		String name = path == null ? "untitled.lua" : path.toString();
		ProjectConfig config;
		try {
			config = path == null ? ProjectConfig.none(new LintConfig()) : ProjectConfig.find(null, path.toAbsolutePath().getParent(), new LintConfig());
		} catch (IOException | LuacheckConfigException e) {
			config = ProjectConfig.none(new LintConfig());
		}
		Linter linter = new Linter(sources(), FirmwareModel.load(), LintRules.all(), config::configFor);
		LuaLineMap lines = new LuaLineMap(text);
		Map<Annotation, Position> added = new HashMap<>();
		for (LintIssue issue : linter.lint(name, text)) {
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
			for (Iterator<Map.Entry<Annotation, Position>> it = added.entrySet().iterator(); it.hasNext();) {
				Map.Entry<Annotation, Position> entry = it.next();
				model.addAnnotation(entry.getKey(), entry.getValue());
			}
		}
		shown = new ArrayList<>(added.keySet());
	}
}
