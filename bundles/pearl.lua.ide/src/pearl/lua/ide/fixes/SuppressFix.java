package pearl.lua.ide.fixes;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.LintIssue;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * "Suppress with a comment": {@code -- luacheck: ignore CODE} at the end of the finding's line,
 * which the linter (and luacheck) apply to that line only. CODE is luacheck's number where a Pearl
 * rule is a luacheck warning (111 setting a global, 113 reading one, 211/212/213/231 unused
 * locals), so the comment works with both tools; else Pearl's code. A line ending in a
 * {@code luacheck:} comment gets the option added to it; a line ending in another comment is
 * wrapped in {@code luacheck: push ignore CODE} and {@code luacheck: pop} lines instead.
 */
final class SuppressFix {

	private SuppressFix() {
	}

	static Optional<QuickFix> of(FixSite site) {
		INode root = site.document.rootNode();
		if (LintIssue.SYNTAX.equals(site.issue.code()) || root == null) {
			return Optional.empty();
		}
		String code = pattern(site);
		String title = "Suppress with a comment (luacheck: ignore " + code + ")";
		int line = site.issue.line();
		int lineStart = site.document.lines().lineStart(line);
		int end = site.contentEnd(line);
		ILeafNode last = lastToken(root, lineStart, end);
		if (last == null || last.getEndOffset() > end) {
			return Optional.empty(); // the line ends inside a long string or comment
		}
		if (!"LINE_COMMENT".equals(ruleName(last))) {
			TextEdit append = new TextEdit(new TextRange(last.getEndOffset(), end - last.getEndOffset()), " -- luacheck: ignore " + code);
			return Optional.of(site.fix(title, List.of(append), false));
		}
		String comment = last.getText().stripTrailing();
		int commentEnd = last.getOffset() + comment.length();
		if (comment.startsWith("--") && comment.substring(2).strip().startsWith("luacheck:")) {
			TextEdit add = new TextEdit(new TextRange(commentEnd, end - commentEnd), ", ignore " + code);
			return Optional.of(site.fix(title, List.of(add), false));
		}
		ILeafNode first = NodeModelUtils.findLeafNodeAtOffset(root, lineStart);
		if (first != null && first.getOffset() < lineStart) {
			return Optional.empty(); // the line starts inside a long string or comment
		}
		String indentation = site.indentationOf(line);
		String newline = site.newline();
		TextEdit push = new TextEdit(new TextRange(lineStart, 0), indentation + "-- luacheck: push ignore " + code + newline);
		TextEdit pop = new TextEdit(new TextRange(end, 0), newline + indentation + "-- luacheck: pop");
		return Optional.of(site.fix(title, List.of(push, pop), false));
	}

	/** The warning pattern for the finding: luacheck's number where there is one. */
	private static String pattern(FixSite site) {
		return switch (site.issue.code()) {
		case "global-write" -> "111";
		case "global-read" -> "113";
		case "unused-local" -> site.document.localDeclaredAt(site.offset).map(SuppressFix::unusedCode).orElse("211");
		default -> site.issue.code();
		};
	}

	private static String unusedCode(LocalVariable local) {
		return switch (local.kind()) {
		case PARAMETER -> "212";
		case FOR_VARIABLE -> "213";
		default -> local.uses().stream().anyMatch(use -> use.access() == NameUse.Access.WRITE) ? "231" : "211";
		};
	}

	/** The last token that is not white space and ends after {@code lineStart}, at or before {@code end}'s line end. */
	private static ILeafNode lastToken(INode root, int lineStart, int end) {
		for (int at = end - 1; at >= lineStart;) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, at);
			if (leaf == null) {
				return null;
			}
			if (!"WS".equals(ruleName(leaf))) {
				return leaf;
			}
			at = leaf.getOffset() - 1;
		}
		return null;
	}

	private static String ruleName(ILeafNode leaf) {
		if (leaf.getGrammarElement() instanceof RuleCall call) {
			return call.getRule().getName();
		}
		return leaf.getGrammarElement() instanceof AbstractRule rule ? rule.getName() : null;
	}
}
