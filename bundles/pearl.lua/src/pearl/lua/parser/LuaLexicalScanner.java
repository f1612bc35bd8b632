package pearl.lua.parser;

import java.util.Optional;
import java.util.regex.Pattern;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognizerSharedState;
import org.antlr.runtime.Token;

/**
 * The parts of Lua 5.1's lexer (llex.c behaviour) that a regular grammar cannot state: long
 * brackets of any level with 5.1's ban on nested {@code [[}, numbers read the way Lua reads them
 * (then checked as a whole), short strings with their escapes, a first line starting with
 * {@code #}, and {@code \v} as white space. Both generated lexers (parser and content assist)
 * call {@link #scan} before their own rules, so every front end tokenizes Lua alike.
 */
public final class LuaLexicalScanner {

	/** Token types of the calling lexer for the tokens this scanner produces. */
	public record TokenTypes(int string, int number, int longComment, int lineComment, int whitespace, int invalid) {
	}

	/**
	 * A lexical error as {@code luac} reports it.
	 *
	 * @param tokenStart offset where the bad token starts
	 * @param offset     offset where Lua notices the error (its line is the error's line)
	 * @param message    Lua's words, e.g. {@code malformed number near '3x'}
	 */
	public record LexicalError(int tokenStart, int offset, String message) {
	}

	/** {@link #scan} found nothing of its own at this position. */
	public static final int NOT_MINE = -1;

	private static final int EOF = CharStream.EOF;

	/** What luaO_str2d accepts: a C strtod number (decimal, or hexadecimal via "0x"). */
	private static final Pattern VALID_NUMBER = Pattern.compile(
			"(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
					+ "|0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?");

	private LuaLexicalScanner() {
	}

	/**
	 * Lexes, at the stream's position, a token whose Lua rules this class owns: consumes it and
	 * returns its type from {@code types} ({@link TokenTypes#invalid()} for a malformed one), or
	 * returns {@link #NOT_MINE} and consumes nothing.
	 */
	public static int scan(CharStream in, TokenTypes types) {
		Scan scan = scanToken(in);
		return switch (scan.kind) {
		case NOT_MINE -> NOT_MINE;
		case STRING -> types.string();
		case NUMBER -> types.number();
		case LONG_COMMENT -> types.longComment();
		case LINE_COMMENT -> types.lineComment();
		case WHITESPACE -> types.whitespace();
		case INVALID -> types.invalid();
		};
	}

	/**
	 * For a generated lexer's {@code mTokens()}: lexes a token of this class's at the input's
	 * position into {@code state} and returns true, or returns false to let the generated rules
	 * lex there.
	 */
	public static boolean lexInto(CharStream in, RecognizerSharedState state, TokenTypes types) {
		int type = scan(in, types);
		if (type == NOT_MINE) {
			return false;
		}
		state.type = type;
		state.channel = Token.DEFAULT_CHANNEL;
		return true;
	}

	/** The first lexical error in {@code text}, the way Lua's lexer meets it reading from the start. */
	public static Optional<LexicalError> firstError(String text) {
		ANTLRStringStream in = new ANTLRStringStream(text);
		while (in.LA(1) != EOF) {
			int start = in.index();
			Scan scan = scanToken(in);
			if (scan.kind == Kind.INVALID) {
				return Optional.of(new LexicalError(start, scan.errorOffset, scan.message));
			}
			if (scan.kind == Kind.NOT_MINE) {
				skipOtherToken(in);
			}
		}
		return Optional.empty();
	}

	private enum Kind {
		NOT_MINE, STRING, NUMBER, LONG_COMMENT, LINE_COMMENT, WHITESPACE, INVALID
	}

	private static final class Scan {
		final Kind kind;
		final int errorOffset;
		final String message;

		Scan(Kind kind) {
			this(kind, -1, null);
		}

		Scan(Kind kind, int errorOffset, String message) {
			this.kind = kind;
			this.errorOffset = errorOffset;
			this.message = message;
		}
	}

	private static final Scan NONE = new Scan(Kind.NOT_MINE);

	private static Scan scanToken(CharStream in) {
		int c = in.LA(1);
		if (c == '#' && in.index() == 0) {
			// luaL_loadfile skips a first line starting with '#' (a shebang), keeping its newline
			skipToLineEnd(in);
			return new Scan(Kind.LINE_COMMENT);
		}
		if (c == '-' && in.LA(2) == '-') {
			return comment(in);
		}
		if (c == '[') {
			return bracket(in);
		}
		if (c == '"' || c == '\'') {
			return shortString(in);
		}
		if (isDigit(c) || c == '.' && isDigit(in.LA(2))) {
			return number(in);
		}
		if (c == 0x0B) {
			while (isSpace(in.LA(1))) {
				in.consume();
			}
			return new Scan(Kind.WHITESPACE);
		}
		return NONE;
	}

	private static Scan comment(CharStream in) {
		int start = in.index();
		in.consume();
		in.consume();
		int level = longBracketLevel(in);
		if (level >= 0) {
			return longBracket(in, start, level, Kind.LONG_COMMENT, "unfinished long comment");
		}
		skipToLineEnd(in);
		return new Scan(Kind.LINE_COMMENT);
	}

	private static Scan bracket(CharStream in) {
		int start = in.index();
		int level = longBracketLevel(in);
		if (level >= 0) {
			return longBracket(in, start, level, Kind.STRING, "unfinished long string");
		}
		if (in.LA(2) != '=') {
			return NONE; // a plain '['
		}
		in.consume();
		while (in.LA(1) == '=') {
			in.consume();
		}
		return invalid(in, start, "invalid long string delimiter");
	}

	/** At a '[': the level of the long bracket that opens here, or -1 when none does. */
	private static int longBracketLevel(CharStream in) {
		if (in.LA(1) != '[') {
			return -1;
		}
		int level = 0;
		while (in.LA(2 + level) == '=') {
			level++;
		}
		return in.LA(2 + level) == '[' ? level : -1;
	}

	private static Scan longBracket(CharStream in, int start, int level, Kind kind, String unfinished) {
		for (int i = 0; i < level + 2; i++) {
			in.consume();
		}
		while (true) {
			int c = in.LA(1);
			if (c == EOF) {
				return new Scan(Kind.INVALID, in.index(), unfinished + " near '<eof>'");
			}
			if (c == ']' && closes(in, level)) {
				for (int i = 0; i < level + 2; i++) {
					in.consume();
				}
				return new Scan(kind);
			}
			if (level == 0 && c == '[' && in.LA(2) == '[') {
				// Lua 5.1 (LUA_COMPAT_LSTR 1) rejects a "[[" inside a level-0 long bracket
				int at = in.index();
				in.consume();
				in.consume();
				return new Scan(Kind.INVALID, at, "nesting of [[...]] is deprecated near '['");
			}
			in.consume();
		}
	}

	private static boolean closes(CharStream in, int level) {
		for (int i = 0; i < level; i++) {
			if (in.LA(2 + i) != '=') {
				return false;
			}
		}
		return in.LA(2 + level) == ']';
	}

	private static Scan shortString(CharStream in) {
		int start = in.index();
		int quote = in.LA(1);
		in.consume();
		while (true) {
			int c = in.LA(1);
			if (c == quote) {
				in.consume();
				return new Scan(Kind.STRING);
			}
			if (c == EOF) {
				return invalid(in, start, "unfinished string", "<eof>");
			}
			if (c == '\n' || c == '\r') {
				return invalid(in, start, "unfinished string");
			}
			in.consume();
			if (c != '\\') {
				continue;
			}
			int e = in.LA(1);
			if (e == EOF) {
				continue; // reported as unfinished above
			}
			if (isDigit(e)) {
				int value = 0;
				for (int i = 0; i < 3 && isDigit(in.LA(1)); i++) {
					value = value * 10 + in.LA(1) - '0';
					in.consume();
				}
				if (value > 255) {
					return invalid(in, start, "escape sequence too large");
				}
			} else {
				in.consume();
				if (e == '\r' && in.LA(1) == '\n' || e == '\n' && in.LA(1) == '\r') {
					in.consume(); // an escaped line break counts once, whichever pair it is
				}
			}
		}
	}

	private static Scan number(CharStream in) {
		int start = in.index();
		StringBuilder text = new StringBuilder();
		while (isDigit(in.LA(1)) || in.LA(1) == '.') {
			text.append((char) in.LA(1));
			in.consume();
		}
		if (in.LA(1) == 'e' || in.LA(1) == 'E') {
			text.append((char) in.LA(1));
			in.consume();
			if (in.LA(1) == '+' || in.LA(1) == '-') {
				text.append((char) in.LA(1));
				in.consume();
			}
		}
		while (isAlnum(in.LA(1)) || in.LA(1) == '_') {
			text.append((char) in.LA(1));
			in.consume();
		}
		if (VALID_NUMBER.matcher(text).matches()) {
			return new Scan(Kind.NUMBER);
		}
		return new Scan(Kind.INVALID, in.index(), "malformed number near '" + text + "'");
	}

	private static Scan invalid(CharStream in, int start, String what) {
		return new Scan(Kind.INVALID, in.index(), what + " near '" + in.substring(start, in.index() - 1) + "'");
	}

	private static Scan invalid(CharStream in, int start, String what, String near) {
		return new Scan(Kind.INVALID, in.index(), what + " near '" + near + "'");
	}

	/** Skips a name, an operator or any other character the generated lexer will tokenize. */
	private static void skipOtherToken(CharStream in) {
		int c = in.LA(1);
		if (isAlpha(c) || c == '_') {
			while (isAlnum(in.LA(1)) || in.LA(1) == '_') {
				in.consume();
			}
		} else if (c == '.') {
			while (in.LA(1) == '.') { // "..", "..." and the "." of a field: none starts a number
				in.consume();
			}
		} else {
			in.consume();
		}
	}

	private static void skipToLineEnd(CharStream in) {
		while (in.LA(1) != EOF && in.LA(1) != '\n' && in.LA(1) != '\r') {
			in.consume();
		}
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isAlpha(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private static boolean isAlnum(int c) {
		return isAlpha(c) || isDigit(c);
	}

	private static boolean isSpace(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}
}
