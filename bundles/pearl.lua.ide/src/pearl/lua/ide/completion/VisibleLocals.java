package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lua.Block;
import pearl.lua.lua.ElseIf;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.scope.LocalVariable;

/**
 * The locals in scope at a caret: declared before it, in a block that is still open there. A
 * block whose closing keyword the parser has not seen yet (the user is typing inside it) reaches
 * to the end of the file, so the locals of an unfinished function stay visible.
 */
final class VisibleLocals {

	private final LuaDocument document;
	private final int caret;
	private final Map<EObject, Integer> blockEnds = new IdentityHashMap<>();
	private FunctionBody functionAtCaret;
	private boolean functionKnown;

	VisibleLocals(LuaDocument document, int caret) {
		this.document = document;
		this.caret = caret;
	}

	/** The visible locals whose names pass {@code filter}, one per name (the innermost), in declaration order. */
	List<LocalVariable> matching(Predicate<String> filter) {
		if (document.chunk() == null) {
			return List.of();
		}
		Map<String, LocalVariable> byName = new LinkedHashMap<>();
		for (LocalVariable local : document.scopes().locals()) {
			if (local.name() != null && filter.test(local.name()) && isVisible(local)) {
				byName.remove(local.name()); // a later visible declaration shadows an earlier one
				byName.put(local.name(), local);
			}
		}
		return new ArrayList<>(byName.values());
	}

	/** The innermost visible local called {@code name}. */
	Optional<LocalVariable> named(String name) {
		List<LocalVariable> found = matching(name::equals);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** Whether the local belongs to another function than the one the caret is in (so it is an upvalue here). */
	boolean isUpvalue(LocalVariable local) {
		return local.function() != functionAtCaret();
	}

	/** The innermost function whose body holds the caret, or null for the main chunk. */
	FunctionBody functionAtCaret() {
		if (!functionKnown) {
			functionKnown = true;
			functionAtCaret = findFunctionAtCaret();
		}
		return functionAtCaret;
	}

	private FunctionBody findFunctionAtCaret() {
		INode root = document.rootNode();
		if (root == null || caret == 0) {
			return null;
		}
		// the last token before the caret: white space at the end of an unfinished file belongs to no function
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, caret - 1);
		while (leaf != null && leaf.isHidden() && leaf.getOffset() > 0) {
			leaf = NodeModelUtils.findLeafNodeAtOffset(root, leaf.getOffset() - 1);
		}
		EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		for (EObject e = element; e != null; e = e.eContainer()) {
			if (e instanceof FunctionBody body) {
				INode node = NodeModelUtils.findActualNodeFor(body);
				if (node != null && node.getOffset() < caret && caret <= closingKeyword(body, "end")) {
					return body;
				}
			}
		}
		return null;
	}

	private boolean isVisible(LocalVariable local) {
		EObject declaration = local.declaration();
		Optional<TextRange> name = document.declarationRange(local);
		if (name.isEmpty() || name.get().end() > caret) {
			return false;
		}
		switch (local.kind()) {
		case LOCAL: {
			// `local x = x` reads the outer x: the new one is visible after the whole statement
			EObject statement = declaration.eContainer();
			if (statement instanceof LocalDeclaration && end(statement) > caret) {
				return false;
			}
			return statement != null && caret <= blockEnd(statement.eContainer());
		}
		case LOCAL_FUNCTION:
			return caret <= blockEnd(declaration.eContainer());
		case PARAMETER:
			return local.function() != null && caret <= closingKeyword(local.function(), "end");
		case SELF:
			return declaration instanceof FunctionDeclaration method && method.getBody() != null
					&& caret <= closingKeyword(method.getBody(), "end");
		case FOR_VARIABLE:
			return declaration.eContainer() != null && caret <= closingKeyword(declaration.eContainer(), "end");
		default:
			return false;
		}
	}

	/** Where the scope of a block's locals ends: at the keyword that closes the block, or the end of the text. */
	private int blockEnd(EObject block) {
		if (!(block instanceof Block)) {
			return document.text().length();
		}
		return blockEnds.computeIfAbsent(block, b -> {
			EObject container = b.eContainer();
			if (container instanceof RepeatStatement repeat) {
				// the condition after `until` still sees the block's locals
				int until = closingKeyword(repeat, "until");
				return until == document.text().length() ? until : end(repeat);
			}
			int after = nextChildAfter(container, end(b));
			if (after >= 0) {
				return after;
			}
			if (container instanceof ElseIf elseIf) {
				int next = nextChildAfter(elseIf.eContainer(), end(elseIf));
				return next >= 0 ? next : document.text().length();
			}
			return document.text().length();
		});
	}

	/**
	 * The offset of {@code element}'s own closing {@code keyword} (a direct child, not a nested
	 * statement's), or the end of the text when the parser has not seen it yet.
	 */
	private int closingKeyword(EObject element, String keyword) {
		INode node = ownNode(element);
		if (node instanceof ICompositeNode composite) {
			INode lastVisible = null;
			for (INode child : composite.getChildren()) {
				if (!(child instanceof ILeafNode leaf && leaf.isHidden())) {
					lastVisible = child;
				}
			}
			if (lastVisible instanceof ILeafNode leaf && keyword.equals(leaf.getText())) {
				return leaf.getOffset();
			}
			if (lastVisible != null && keyword.equals("until")) {
				for (INode child : composite.getChildren()) {
					if (child instanceof ILeafNode leaf && !leaf.isHidden() && keyword.equals(leaf.getText())) {
						return leaf.getOffset();
					}
				}
			}
		}
		return document.text().length();
	}

	/** The offset of the first visible child of {@code container}'s node that starts at or after {@code from}, or -1. */
	private static int nextChildAfter(EObject container, int from) {
		INode node = ownNode(container);
		if (node instanceof ICompositeNode composite) {
			for (INode child : composite.getChildren()) {
				boolean hidden = child instanceof ILeafNode leaf && leaf.isHidden();
				if (!hidden && child.getOffset() >= from && child.getLength() > 0) {
					return child.getOffset();
				}
			}
		}
		return -1;
	}

	/**
	 * The node whose children are {@code element}'s own tokens: a statement's node is wrapped in
	 * the node of the {@code Statement} rule that called it.
	 */
	private static INode ownNode(EObject element) {
		INode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		while (node instanceof ICompositeNode composite) {
			INode first = null;
			for (INode child : composite.getChildren()) {
				if (!(child instanceof ILeafNode leaf && leaf.isHidden())) {
					first = child;
					break;
				}
			}
			if (first instanceof ICompositeNode inner && NodeModelUtils.findActualSemanticObjectFor(inner) == element) {
				node = inner;
			} else {
				break;
			}
		}
		return node;
	}

	private static int end(EObject element) {
		INode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? Integer.MAX_VALUE : node.getEndOffset();
	}
}
