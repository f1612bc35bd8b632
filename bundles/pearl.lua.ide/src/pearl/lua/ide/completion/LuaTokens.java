package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.ANTLRStringStream;

import pearl.lua.parser.LuaLexicalScanner;

/**
 * The tokens of the text before the caret, read the way Lua reads them. Completion looks at the
 * last few of them because while the user types, the syntax tree around the caret is partial.
 * Strings, numbers and comments are lexed by the parser's own {@link LuaLexicalScanner}.
 */
final class LuaTokens {

	/** What a token is. */
	enum Type {
		NAME, KEYWORD, NUMBER, STRING, SYMBOL,
		/** A string that is still open at the caret. */
		OPEN_STRING,
		/** A comment that the caret is in. */
		OPEN_COMMENT
	}

	/** One token: its type, where it is, its text. */
	record Token(Type type, int start, int end, String text) {

		boolean is(String symbolOrKeyword) {
			return (type == Type.SYMBOL || type == Type.KEYWORD) && text.equals(symbolOrKeyword);
		}
	}

	/** Lua 5.1's reserved words. */
	static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if", "in", "local",
			"nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

	private static final int STRING = 1, NUMBER = 2, LONG_COMMENT = 3, LINE_COMMENT = 4, WHITESPACE = 5, INVALID = 6;
	private static final LuaLexicalScanner.TokenTypes TYPES = new LuaLexicalScanner.TokenTypes(STRING, NUMBER, LONG_COMMENT, LINE_COMMENT,
			WHITESPACE, INVALID);

	private LuaTokens() {
	}

	/**
	 * The tokens of {@code text} from {@code from} up to {@code end}, without white space and with
	 * comments only when the caret is in one. {@code from} must be where a token starts.
	 */
	static List<Token> between(String text, int from, int end) {
		// the stream ends at the caret: a string closed only after it is still open here
		ANTLRStringStream in = new ANTLRStringStream(text.toCharArray(), end);
		in.seek(from);
		String prefix = text.substring(0, end);
		List<Token> tokens = new ArrayList<>();
		while (in.index() < prefix.length()) {
			int start = in.index();
			if (Character.isWhitespace(prefix.charAt(start))) {
				in.consume();
				continue;
			}
			int type = LuaLexicalScanner.scan(in, TYPES);
			if (type == LuaLexicalScanner.NOT_MINE) {
				int stop = ownToken(prefix, start);
				in.seek(stop);
				String word = prefix.substring(start, stop);
				Type kind = isNameStart(word.charAt(0)) ? KEYWORDS.contains(word) ? Type.KEYWORD : Type.NAME : Type.SYMBOL;
				tokens.add(new Token(kind, start, stop, word));
				continue;
			}
			int stop = Math.max(in.index(), start + 1);
			in.seek(stop);
			String token = prefix.substring(start, Math.min(stop, prefix.length()));
			switch (type) {
			case STRING -> tokens.add(new Token(Type.STRING, start, stop, token));
			case NUMBER -> tokens.add(new Token(Type.NUMBER, start, stop, token));
			case INVALID -> tokens.add(new Token(invalidType(token), start, stop, token));
			case LINE_COMMENT -> {
				if (stop >= prefix.length()) {
					tokens.add(new Token(Type.OPEN_COMMENT, start, stop, token)); // the caret is on the comment's line
				}
			}
			default -> {
				// white space and closed long comments
			}
			}
		}
		return tokens;
	}

	/** A malformed token: at the caret, usually one the user is still typing. */
	private static Type invalidType(String token) {
		if (token.startsWith("--")) {
			return Type.OPEN_COMMENT;
		}
		if (token.startsWith("\"") || token.startsWith("'") || token.startsWith("[")) {
			return Type.OPEN_STRING;
		}
		return Type.NUMBER; // a malformed number such as 3x
	}

	private static int ownToken(String text, int start) {
		char c = text.charAt(start);
		int i = start + 1;
		if (isNameStart(c)) {
			while (i < text.length() && isNamePart(text.charAt(i))) {
				i++;
			}
			return i;
		}
		for (String symbol : new String[] { "...", "..", "==", "~=", "<=", ">=" }) {
			if (text.startsWith(symbol, start)) {
				return start + symbol.length();
			}
		}
		return i;
	}

	static boolean isNameStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

	static boolean isNamePart(char c) {
		return isNameStart(c) || c >= '0' && c <= '9';
	}
}
