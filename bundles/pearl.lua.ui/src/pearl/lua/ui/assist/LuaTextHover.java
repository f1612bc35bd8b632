package pearl.lua.ui.assist;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.text.DefaultTextHover;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;

import pearl.lua.ide.hover.HoverInfo;
import pearl.lua.ide.hover.LuaHovers;
import pearl.lua.ui.LintAnnotations;
import pearl.lua.ui.LuaAnalysis;

/**
 * The hover: what {@link LuaHovers} says of the name under the mouse (a firmware function's
 * signature and documentation, a variable's declaration), under the messages of the lint
 * annotations there, and above both what another bundle adds (the debugger: the name's value in
 * the stopped frame).
 */
public final class LuaTextHover extends DefaultTextHover {

	private final LuaHovers hovers = new LuaHovers();
	private final Function<String, LuaAnalysis> analyse;
	private final Supplier<ITextHover> added;

	/**
	 * A hover for {@code viewer} that gets the document and project of a text from {@code analyse};
	 * {@code added} gives the hover another bundle adds to the editor, or null.
	 */
	public LuaTextHover(ISourceViewer viewer, Function<String, LuaAnalysis> analyse, Supplier<ITextHover> added) {
		super(viewer);
		this.analyse = analyse;
		this.added = added;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return info(viewer, offset).<IRegion>map(info -> new Region(info.range().offset(), info.range().length()))
				.orElseGet(() -> super.getHoverRegion(viewer, offset));
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		ITextHover other = added.get();
		String first = other == null ? null : other.getHoverInfo(viewer, region);
		String annotations = super.getHoverInfo(viewer, region);
		String lua = info(viewer, region.getOffset()).map(info -> MarkdownText.plain(info.markdown())).orElse(null);
		return join(join(first, annotations), lua);
	}

	private static String join(String above, String below) {
		if (above == null || above.isBlank()) {
			return below;
		}
		return below == null || below.isBlank() ? above : above + "\n\n" + below;
	}

	/** Only lint findings: the quick diff's "2 changed lines" and the like would crowd out the Lua. */
	@Override
	protected boolean isIncluded(Annotation annotation) {
		return LintAnnotations.isLint(annotation.getType());
	}

	private Optional<HoverInfo> info(ITextViewer viewer, int offset) {
		LuaAnalysis now = analyse.apply(viewer.getDocument().get());
		return hovers.hover(now.document(), now.project(), offset);
	}
}
