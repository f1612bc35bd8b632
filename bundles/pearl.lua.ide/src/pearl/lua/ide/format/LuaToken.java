package pearl.lua.ide.format;

/**
 * A token of a Lua file as the formatter sees it: white space is left out, comments are kept.
 *
 * @param text           the token's text
 * @param offset         where it starts
 * @param kind           what sort of token it is
 * @param role           what an operator or punctuation does here
 * @param statementStart for {@code then} and {@code do}: where their statement starts (the
 *                       {@code if}, {@code while}, {@code for}); else the token's own offset
 */
record LuaToken(String text, int offset, Kind kind, Role role, int statementStart) {

	/** Sorts of tokens. */
	enum Kind {
		NAME, NUMBER, STRING, KEYWORD, SYMBOL, COMMENT
	}

	/** What an operator does, for spacing. */
	enum Role {
		BINARY, UNARY, ASSIGN, OTHER
	}

	/** The offset just after the token. */
	int end() {
		return offset + text.length();
	}

	boolean is(String s) {
		return (kind == Kind.KEYWORD || kind == Kind.SYMBOL) && text.equals(s);
	}

	boolean isComment() {
		return kind == Kind.COMMENT;
	}

	/** A line comment ({@code --} to the end of the line), as opposed to a long one. */
	boolean isLineComment() {
		return kind == Kind.COMMENT && !LONG_COMMENT.matcher(text).lookingAt();
	}

	private static final java.util.regex.Pattern LONG_COMMENT = java.util.regex.Pattern.compile("--\\[=*\\[");
}
