package pearl.lua.ide.folding;

import java.util.List;

import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.parser.LuaLineMap;

/** The regions of {@code --[[ ]]} comments and of runs of whole-line {@code --} comments. */
final class CommentFolds {

	private CommentFolds() {
	}

	static void collect(LuaDocument document, List<FoldingRegion> out) {
		INode root = document.rootNode();
		if (root == null) {
			return;
		}
		LuaLineMap lines = document.lines();
		int runStart = -1;
		int runEnd = -1;
		for (ILeafNode leaf : root.getLeafNodes()) {
			String text = leaf.getText();
			if (!leaf.isHidden() || !text.startsWith("--")) {
				continue;
			}
			int line = lines.line(leaf.getOffset());
			if (text.startsWith("--[[") && text.endsWith("]]")) {
				out.add(new FoldingRegion(line, lines.line(leaf.getEndOffset() - 1), FoldingRegion.Kind.COMMENT));
			} else if (BlockFolds.startsLine(document, leaf.getOffset())) {
				if (runStart > 0 && line == runEnd + 1) {
					runEnd = line;
					continue;
				}
				addRun(runStart, runEnd, out);
				runStart = line;
				runEnd = line;
			}
		}
		addRun(runStart, runEnd, out);
	}

	private static void addRun(int start, int end, List<FoldingRegion> out) {
		if (start > 0 && end > start) {
			out.add(new FoldingRegion(start, end, FoldingRegion.Kind.COMMENT));
		}
	}
}
