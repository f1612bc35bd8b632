package pearl.lua.ui.assist;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.navigation.LuaNavigation;
import pearl.lua.ide.navigation.SourceLocation;
import pearl.lua.ui.LuaAnalysis;

/**
 * Ctrl+click (and F3) on a name: where {@link LuaNavigation} says it is defined, in this file or
 * another of the project ({@code require}d modules, globals set elsewhere).
 */
public final class LuaHyperlinkDetector extends AbstractHyperlinkDetector {

	private final LuaNavigation navigation = new LuaNavigation();
	private final Function<String, LuaAnalysis> analyse;

	/** A detector that gets the document and project of a text from {@code analyse}. */
	public LuaHyperlinkDetector(Function<String, LuaAnalysis> analyse) {
		this.analyse = analyse;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		LuaAnalysis now = analyse.apply(viewer.getDocument().get());
		LuaDocument document = now.document();
		List<SourceLocation> targets = navigation.definition(document, now.project(), region.getOffset());
		if (targets.isEmpty()) {
			return null;
		}
		IRegion word = document.leafAt(region.getOffset()).<IRegion>map(leaf -> new Region(leaf.getOffset(), leaf.getLength()))
				.orElse(new Region(region.getOffset(), 0));
		List<IHyperlink> links = targets.stream().<IHyperlink>map(target -> new SourceHyperlink(word, target)).toList();
		return canShowMultipleHyperlinks ? links.toArray(IHyperlink[]::new) : new IHyperlink[] { links.get(0) };
	}
}
