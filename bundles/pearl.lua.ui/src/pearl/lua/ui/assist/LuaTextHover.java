package pearl.lua.ui.assist;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.text.DefaultTextHover;
import org.eclipse.jface.text.IRegion;
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
 * annotations there.
 */
public final class LuaTextHover extends DefaultTextHover {

	private final LuaHovers hovers = new LuaHovers();
	private final Function<String, LuaAnalysis> analyse;

	/** A hover for {@code viewer} that gets the document and project of a text from {@code analyse}. */
	public LuaTextHover(ISourceViewer viewer, Function<String, LuaAnalysis> analyse) {
		super(viewer);
		this.analyse = analyse;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return info(viewer, offset).<IRegion>map(info -> new Region(info.range().offset(), info.range().length()))
				.orElseGet(() -> super.getHoverRegion(viewer, offset));
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		String annotations = super.getHoverInfo(viewer, region);
		String lua = info(viewer, region.getOffset()).map(info -> MarkdownText.plain(info.markdown())).orElse(null);
		if (annotations == null || annotations.isBlank()) {
			return lua;
		}
		return lua == null ? annotations : annotations + "\n\n" + lua;
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
