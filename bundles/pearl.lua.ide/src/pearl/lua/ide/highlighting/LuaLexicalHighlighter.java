package pearl.lua.ide.highlighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

import pearl.lua.ide.model.TextRange;
import pearl.lua.parser.LuaLexer;

/**
 * The tokens of a Lua text with their lexical kinds, from the parser's own lexer (so an editor
 * colours exactly what the parser reads: long strings, {@code --[[ ]]} comments, hex numbers).
 * Works on any text, finished or not; white space is left out.
 */
public final class LuaLexicalHighlighter {

	private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if",
			"in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

	/** The tokens of {@code text} in order, white space left out. */
	public List<LexicalToken> tokens(String text) {
		List<LexicalToken> tokens = new ArrayList<>();
		LuaLexer lexer = new LuaLexer(new ANTLRStringStream(text));
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			CommonToken common = (CommonToken) token;
			int start = common.getStartIndex();
			int end = Math.min(text.length(), common.getStopIndex() + 1);
			if (end <= start) {
				continue;
			}
			LexicalKind kind = kind(token.getType(), text.substring(start, end));
			if (kind != null) {
				tokens.add(new LexicalToken(new TextRange(start, end - start), kind));
			}
		}
		return tokens;
	}

	private static LexicalKind kind(int type, String text) {
		if (type == LuaLexer.RULE_WS) {
			return null;
		}
		if (type == LuaLexer.RULE_LINE_COMMENT || type == LuaLexer.RULE_LONG_COMMENT || text.startsWith("--")) {
			return LexicalKind.COMMENT; // an unclosed --[[ is a comment to the end, as it will be once closed
		}
		if (type == LuaLexer.RULE_STRING || text.startsWith("\"") || text.startsWith("'")) {
			return LexicalKind.STRING; // an unfinished string is still coloured as one while it is typed
		}
		if (type == LuaLexer.RULE_NUMBER) {
			return LexicalKind.NUMBER;
		}
		if (type == LuaLexer.RULE_NAME) {
			return LexicalKind.NAME;
		}
		return KEYWORDS.contains(text) ? LexicalKind.KEYWORD : LexicalKind.OPERATOR;
	}
}
