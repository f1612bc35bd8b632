package pearl.lua.ide.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * The tokens of a parsed file, read from the leaves of Xtext's node model: the parser has already
 * told a unary minus from a binary one and a {@code then} from the statement it belongs to.
 */
final class LuaTokens {

	/** Grammar rules whose {@code operator} is a binary operator. */
	private static final Set<String> BINARY_RULES = Set.of("OrExpression", "AndExpression", "Comparison", "Concatenation", "Additive",
			"Multiplicative", "Power");

	private LuaTokens() {
	}

	/** Every token under {@code root} but white space, in order. */
	static List<LuaToken> of(INode root) {
		List<LuaToken> tokens = new ArrayList<>();
		for (ILeafNode leaf : root.getLeafNodes()) {
			String text = leaf.getText();
			if (text.isEmpty()) {
				continue;
			}
			EObject element = leaf.getGrammarElement();
			String rule = ruleName(element);
			if ("WS".equals(rule) || text.isBlank() && leaf.isHidden()) {
				continue;
			}
			LuaToken.Kind kind;
			if (element instanceof Keyword) {
				kind = Character.isLetter(text.charAt(0)) ? LuaToken.Kind.KEYWORD : LuaToken.Kind.SYMBOL;
			} else if ("LINE_COMMENT".equals(rule) || "LONG_COMMENT".equals(rule)) {
				kind = LuaToken.Kind.COMMENT;
			} else if ("NAME".equals(rule)) {
				kind = LuaToken.Kind.NAME;
			} else if ("NUMBER".equals(rule)) {
				kind = LuaToken.Kind.NUMBER;
			} else if ("STRING".equals(rule)) {
				kind = LuaToken.Kind.STRING;
			} else {
				kind = LuaToken.Kind.SYMBOL; // stray characters only occur with syntax errors
			}
			int statementStart = leaf.getOffset();
			if (element instanceof Keyword && (text.equals("then") || text.equals("do")) && leaf.getParent() != null) {
				statementStart = leaf.getParent().getOffset();
			}
			tokens.add(new LuaToken(text, leaf.getOffset(), kind, role(element, text), statementStart));
		}
		return tokens;
	}

	private static String ruleName(EObject element) {
		if (element instanceof RuleCall call) {
			return call.getRule().getName();
		}
		if (element instanceof AbstractRule rule) {
			return rule.getName();
		}
		return null;
	}

	private static LuaToken.Role role(EObject element, String text) {
		if (!(element instanceof Keyword keyword)) {
			return LuaToken.Role.OTHER;
		}
		if (text.equals("=")) {
			return LuaToken.Role.ASSIGN;
		}
		Assignment assignment = GrammarUtil.containingAssignment(keyword);
		if (assignment == null || !"operator".equals(assignment.getFeature())) {
			return LuaToken.Role.OTHER;
		}
		ParserRule rule = GrammarUtil.containingParserRule(keyword);
		return rule != null && BINARY_RULES.contains(rule.getName()) ? LuaToken.Role.BINARY : LuaToken.Role.UNARY;
	}
}
