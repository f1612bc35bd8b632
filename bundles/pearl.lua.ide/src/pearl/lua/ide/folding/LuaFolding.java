package pearl.lua.ide.folding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import pearl.lua.ide.model.LuaDocument;

/**
 * The folding regions of a Lua file: function bodies, the blocks of {@code if} (each branch on
 * its own, so {@code else} stays visible), {@code for}, {@code while}, {@code do} and
 * {@code repeat}, table constructors over several lines, {@code --[[ ]]} comments and runs of two or
 * more {@code --} comment lines.
 * <p>
 * A block's region ends on the line before the one with its closing {@code end}, {@code until},
 * {@code else}, {@code elseif} or <code>}</code>, so that the closing line stays visible when folded
 * (as editors following LSP's convention expect); when the closing token is missing (code being
 * typed) it ends on the block's last line. A comment's region covers the whole comment. Only
 * regions that hide at least one line are given.
 */
public final class LuaFolding {

	/** A folding service; it keeps no state between documents. */
	public LuaFolding() {
	}

	/** The regions of {@code document}, by start line, then by end line (outer first); partial for broken code. */
	public List<FoldingRegion> regions(LuaDocument document) {
		List<FoldingRegion> regions = new ArrayList<>();
		BlockFolds.collect(document, regions);
		CommentFolds.collect(document, regions);
		return regions.stream().filter(r -> r.endLine() > r.startLine()).distinct()
				.sorted(Comparator.comparingInt(FoldingRegion::startLine).thenComparing(Comparator.comparingInt(FoldingRegion::endLine).reversed()))
				.toList();
	}
}
