package pearl.lua.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;

import pearl.lua.ide.folding.FoldingRegion;
import pearl.lua.ide.folding.LuaFolding;

/**
 * Folding in the Lua editor: after each reconcile, the blocks and long comments of
 * {@link LuaFolding} become the projection viewer's fold markers. A fold that is still there
 * keeps its state (a collapsed function stays collapsed while the user types elsewhere).
 */
final class FoldingRegions {

	private final LuaFolding folding = new LuaFolding();
	private final ProjectionViewer viewer;
	private final Map<Position, ProjectionAnnotation> shown = new HashMap<>(); // UI thread only

	FoldingRegions(ProjectionViewer viewer) {
		this.viewer = viewer;
	}

	/** Off the UI thread: computes the folds of an analysis and shows them, unless the text changed since. */
	void analysed(LuaAnalysis analysis) {
		List<FoldingRegion> regions = folding.regions(analysis.document());
		if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) {
			return;
		}
		viewer.getTextWidget().getDisplay().asyncExec(() -> {
			IDocument document = viewer.getDocument();
			ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
			if (document == null || model == null || !document.get().equals(analysis.document().text())) {
				return;
			}
			update(model, positions(document, regions));
		});
	}

	private void update(ProjectionAnnotationModel model, List<Position> wanted) {
		// positions move with the text, so the map's keys are re-read before comparing
		Map<Position, ProjectionAnnotation> current = new HashMap<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ProjectionAnnotation annotation && shown.containsValue(annotation)) {
				Position position = model.getPosition(annotation);
				if (position != null && !position.isDeleted()) {
					current.put(new Position(position.getOffset(), position.getLength()), annotation);
				}
			}
		}
		List<Annotation> deleted = new ArrayList<>();
		Map<Annotation, Position> added = new HashMap<>();
		Map<Position, ProjectionAnnotation> kept = new HashMap<>();
		for (Position position : wanted) {
			ProjectionAnnotation existing = current.remove(position);
			if (existing != null) {
				kept.put(position, existing);
			} else {
				ProjectionAnnotation annotation = new ProjectionAnnotation();
				added.put(annotation, position);
				kept.put(position, annotation);
			}
		}
		deleted.addAll(current.values());
		shown.clear();
		shown.putAll(kept);
		model.modifyAnnotations(deleted.toArray(Annotation[]::new), added, null);
	}

	/** Each region as whole lines, from the start of its first line to the end of its last. */
	private static List<Position> positions(IDocument document, List<FoldingRegion> regions) {
		List<Position> positions = new ArrayList<>();
		for (FoldingRegion region : regions) {
			try {
				// the regions' lines count from 1, the document's from 0
				int start = document.getLineOffset(region.startLine() - 1);
				int lastLine = Math.min(region.endLine() - 1, document.getNumberOfLines() - 1);
				int end = document.getLineOffset(lastLine) + document.getLineLength(lastLine);
				positions.add(new Position(start, end - start));
			} catch (BadLocationException e) {
				// the region lies past the end of the text: not folded
			}
		}
		return positions;
	}
}
