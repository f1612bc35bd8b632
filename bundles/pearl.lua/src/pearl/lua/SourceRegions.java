package pearl.lua;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.scope.NameUse;

/** Where syntax elements sit in the text, read from Xtext's node model. */
public final class SourceRegions {

	private SourceRegions() {
	}

	/**
	 * The node of one attribute of {@code owner} ({@code index} into it for a list, else -1), or
	 * of the whole element when the attribute has no node of its own.
	 */
	public static Optional<INode> of(EObject owner, EStructuralFeature feature, int index) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
		if (nodes.isEmpty()) {
			return Optional.ofNullable(NodeModelUtils.findActualNodeFor(owner));
		}
		return Optional.of(nodes.get(index >= 0 && index < nodes.size() ? index : 0));
	}

	/** The node of the name a use refers by. */
	public static Optional<INode> of(NameUse use) {
		return of(use.owner(), use.feature(), use.index());
	}

	/** The node of a whole element, without the hidden tokens (comments, white space) around it. */
	public static Optional<INode> of(EObject element) {
		return Optional.ofNullable(NodeModelUtils.findActualNodeFor(element));
	}
}
