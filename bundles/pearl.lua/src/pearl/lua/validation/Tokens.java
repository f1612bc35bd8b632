package pearl.lua.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The tokens around a syntax element, found in Xtext's node model. Lua reports most syntax
 * errors at the token it was looking at (the one after a construct), so the checks need these.
 */
final class Tokens {

	private Tokens() {
	}

	/** The first token after {@code object}, or null at the end of the file. */
	static ILeafNode after(EObject object) {
		return after(NodeModelUtils.findActualNodeFor(object));
	}

	/** The first token after {@code node}, or null at the end of the file. */
	static ILeafNode after(INode node) {
		if (node == null) {
			return null;
		}
		int end = node.getEndOffset();
		for (ILeafNode leaf : node.getRootNode().getLeafNodes()) {
			if (leaf.getOffset() >= end && !leaf.isHidden() && leaf.getLength() > 0) {
				return leaf;
			}
		}
		return null;
	}

	/** The first token of {@code object}, or null when it has none. */
	static ILeafNode first(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		if (node == null) {
			return null;
		}
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getLength() > 0) {
				return leaf;
			}
		}
		return null;
	}

	/** The last token of {@code object}, or null when it has none. */
	static ILeafNode last(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		if (node == null) {
			return null;
		}
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getLength() > 0) {
				last = leaf;
			}
		}
		return last;
	}

	/** How Lua names a token in "near ..." (the text, or {@code <eof>}). */
	static String near(INode token) {
		return token == null ? "<eof>" : token.getText();
	}
}
