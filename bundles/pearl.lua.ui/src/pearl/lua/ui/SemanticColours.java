package pearl.lua.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.RGB;

import pearl.lua.ide.highlighting.HighlightedRange;
import pearl.lua.ide.highlighting.LuaSemanticHighlighter;
import pearl.lua.ide.highlighting.TokenModifier;

/**
 * Semantic colours over the lexical ones: what {@link LuaSemanticHighlighter} knows of each name.
 * A global the file leaks or reads undeclared is bold dark red, so it stands out while typing;
 * firmware modules, functions and constants, fields, parameters and upvalues each have their own
 * look. Recomputed after each reconcile; between two reconciles the ranges move with the edits.
 */
final class SemanticColours implements ITextPresentationListener, IDocumentListener {

	/** The colour of a leaked or undeclared global. */
	static final RGB LEAKED_GLOBAL = new RGB(190, 0, 0);

	private record Style(RGB colour, int fontStyle, boolean strike) {
	}

	private final LuaSemanticHighlighter highlighter = new LuaSemanticHighlighter();
	private final ISourceViewer viewer;
	private final ISharedTextColors colors;
	private List<HighlightedRange> ranges = List.of(); // UI thread only
	private IDocument document;

	SemanticColours(ISourceViewer viewer, ISharedTextColors colors) {
		this.viewer = viewer;
		this.colors = colors;
		((ITextViewerExtension4) viewer).addTextPresentationListener(this);
	}

	/** Off the UI thread: computes the colours of an analysis, and shows them if the text has not changed since. */
	void analysed(LuaAnalysis analysis) {
		List<HighlightedRange> found = highlighter.highlight(analysis.document());
		if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) {
			return;
		}
		viewer.getTextWidget().getDisplay().asyncExec(() -> {
			IDocument now = viewer.getDocument();
			if (now == null || viewer.getTextWidget().isDisposed() || !now.get().equals(analysis.document().text())) {
				return; // a later reconcile brings the colours of the newer text
			}
			if (now != document) {
				if (document != null) {
					document.removeDocumentListener(this);
				}
				document = now;
				document.addDocumentListener(this);
			}
			ranges = found;
			viewer.invalidateTextPresentation();
		});
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		int start = presentation.getExtent().getOffset();
		int end = start + presentation.getExtent().getLength();
		List<StyleRange> styles = new ArrayList<>();
		for (HighlightedRange range : ranges) {
			if (range.range().end() <= start || range.range().offset() >= end) {
				continue;
			}
			Style style = styleOf(range);
			if (style != null) {
				StyleRange styleRange = new StyleRange(range.range().offset(), range.range().length(),
						style.colour() == null ? null : colors.getColor(style.colour()), null, style.fontStyle());
				styleRange.strikeout = style.strike();
				styles.add(styleRange);
			}
		}
		presentation.mergeStyleRanges(styles.toArray(StyleRange[]::new));
	}

	private static Style styleOf(HighlightedRange range) {
		boolean strike = range.modifiers().contains(TokenModifier.DEPRECATED);
		if (range.modifiers().contains(TokenModifier.UNDECLARED_GLOBAL)) {
			return new Style(LEAKED_GLOBAL, SWT.BOLD, strike);
		}
		return switch (range.type()) {
		case GLOBAL -> new Style(new RGB(140, 70, 0), SWT.NORMAL, strike);
		case FIRMWARE_MODULE -> new Style(new RGB(0, 90, 140), SWT.BOLD, strike);
		case FIRMWARE_FUNCTION -> new Style(new RGB(0, 90, 140), SWT.NORMAL, strike);
		case FIRMWARE_CONSTANT -> new Style(new RGB(0, 0, 192), SWT.ITALIC, strike);
		case FIELD -> new Style(new RGB(0, 0, 192), SWT.NORMAL, strike);
		case PARAMETER -> new Style(new RGB(100, 70, 30), SWT.NORMAL, strike);
		case UPVALUE -> new Style(null, SWT.ITALIC, strike);
		case LOCAL, METHOD -> strike ? new Style(null, SWT.NORMAL, true) : null;
		};
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
	}

	/** Moves the ranges after an edit by its length and drops those it touched, until the next reconcile recolours. */
	@Override
	public void documentChanged(DocumentEvent event) {
		int editStart = event.getOffset();
		int editEnd = editStart + event.getLength();
		int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
		List<HighlightedRange> moved = new ArrayList<>(ranges.size());
		for (HighlightedRange range : ranges) {
			if (range.range().end() < editStart) {
				moved.add(range);
			} else if (range.range().offset() > editEnd) {
				moved.add(new HighlightedRange(new pearl.lua.ide.model.TextRange(range.range().offset() + delta, range.range().length()),
						range.type(), range.modifiers()));
			}
		}
		ranges = moved;
	}

	/** Stops listening. */
	void dispose() {
		((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
		if (document != null) {
			document.removeDocumentListener(this);
		}
	}
}
