package pearl.lua.ide.model;

import org.eclipse.xtext.nodemodel.INode;

/** A stretch of a document's text: where it starts and how many characters it covers. */
public record TextRange(int offset, int length) {

	/** The range of a node of the syntax tree, without hidden tokens around it. */
	public static TextRange of(INode node) {
		return new TextRange(node.getOffset(), node.getLength());
	}

	/** The offset just after the last character. */
	public int end() {
		return offset + length;
	}

	/** Whether {@code position} is inside or at either end (a caret just after a name is on it). */
	public boolean touches(int position) {
		return position >= offset && position <= end();
	}
}
