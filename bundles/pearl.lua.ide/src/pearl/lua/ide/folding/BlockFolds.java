package pearl.lua.ide.folding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lua.DoStatement;
import pearl.lua.lua.ElseIf;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.IfStatement;
import pearl.lua.lua.LocalFunctionDeclaration;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.TableConstructor;
import pearl.lua.lua.WhileStatement;
import pearl.lua.parser.LuaLineMap;

/** The regions of function bodies, statements' blocks and table constructors, read from the syntax tree. */
final class BlockFolds {

	/** Tokens that close a block, or end one branch of an {@code if} and start the next. */
	private static final Set<String> CLOSING = Set.of("end", "until", "}");
	private static final String ELSE = "else";

	private BlockFolds() {
	}

	static void collect(LuaDocument document, List<FoldingRegion> out) {
		if (document.chunk() == null) {
			return;
		}
		for (EObject element : document.queries().elements()) {
			FoldingRegion.Kind kind = element instanceof TableConstructor ? FoldingRegion.Kind.TABLE
					: isBlock(element) ? FoldingRegion.Kind.BLOCK : null;
			// the node that holds the element itself: the outer nodes of the rule calls that led to it see other elements
			INode node = kind == null ? null : NodeModelUtils.getNode(element);
			if (node != null) {
				regions(document, element, node, kind, out);
			}
		}
	}

	private static boolean isBlock(EObject element) {
		return element instanceof FunctionBody || element instanceof IfStatement || element instanceof WhileStatement
				|| element instanceof RepeatStatement || element instanceof NumericFor || element instanceof GenericFor
				|| element instanceof DoStatement;
	}

	/** One region per stretch between the element's start, each {@code elseif}/{@code else}, and its closing token. */
	private static void regions(LuaDocument document, EObject element, INode node, FoldingRegion.Kind kind, List<FoldingRegion> out) {
		LuaLineMap lines = document.lines();
		List<INode> boundaries = new ArrayList<>();
		boundaries(node, element, boundaries);
		boundaries.sort(Comparator.comparingInt(INode::getOffset));
		int start = lines.line(startOffset(element, node));
		for (INode boundary : boundaries) {
			int line = lines.line(boundary.getOffset());
			out.add(new FoldingRegion(start, startsLine(document, boundary.getOffset()) ? line - 1 : line, kind));
			start = line;
		}
		boolean closed = !boundaries.isEmpty() && CLOSING.contains(boundaries.get(boundaries.size() - 1).getText());
		if (!closed) {
			// code being typed: no closing token yet, so the block goes on to its last token
			out.add(new FoldingRegion(start, lines.line(Math.max(node.getOffset(), node.getEndOffset() - 1)), kind));
		}
	}

	/** A function's region starts at {@code function}, not at the parameter list its body starts with. */
	private static int startOffset(EObject element, INode node) {
		EObject container = element.eContainer();
		if (element instanceof FunctionBody && (container instanceof FunctionDeclaration || container instanceof LocalFunctionDeclaration
				|| container instanceof FunctionExpression)) {
			INode whole = NodeModelUtils.findActualNodeFor(container);
			if (whole != null) {
				return whole.getOffset();
			}
		}
		return node.getOffset();
	}

	/** The element's own closing and branch tokens, not those of elements nested in it. */
	private static void boundaries(INode node, EObject element, List<INode> found) {
		if (!(node instanceof ICompositeNode composite)) {
			return;
		}
		for (INode child : composite.getChildren()) {
			if (child instanceof ILeafNode leaf) {
				if (!leaf.isHidden() && (CLOSING.contains(leaf.getText()) || ELSE.equals(leaf.getText()))) {
					found.add(leaf);
				}
			} else if (child.getSemanticElement() == element) {
				boundaries(child, element, found);
			} else if (child.getSemanticElement() instanceof ElseIf elseIf && elseIf.eContainer() == element) {
				found.add(child);
			}
		}
	}

	/** Whether only white space precedes {@code offset} on its line. */
	static boolean startsLine(LuaDocument document, int offset) {
		String text = document.text();
		for (int i = offset - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return true;
			}
			if (c != ' ' && c != '\t' && c != '\f') {
				return false;
			}
		}
		return true;
	}
}
