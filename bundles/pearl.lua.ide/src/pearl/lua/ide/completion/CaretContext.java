package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import pearl.lua.ide.completion.LuaTokens.Token;
import pearl.lua.ide.completion.LuaTokens.Type;

/**
 * What the text just before the caret says is being typed: a name, a member after {@code a.b.},
 * a method after {@code x:}, or an event name in {@code x:on("}. Read from tokens, not from the
 * syntax tree, because the tree is partial while the user types.
 *
 * @param position       what is being typed
 * @param wordStart      where the partial word (or event name) before the caret starts
 * @param prefix         the partial word typed so far
 * @param receiver       for a member, method or event: the expression before the {@code .} or {@code :}, else empty
 * @param statementStart whether a statement may start at {@code wordStart}
 * @param afterLocal     whether the word follows {@code local} (a new name is being declared)
 * @param quoteEvent     for {@link Position#EVENT}: whether the proposal must bring its own quotes
 */
record CaretContext(Position position, int wordStart, String prefix, List<Step> receiver, boolean statementStart, boolean afterLocal,
		boolean quoteEvent) {

	/** What is being typed at the caret. */
	enum Position {
		/** Nothing to propose: in a comment, a string or a number. */
		NONE,
		/** A name: a variable, a module, a keyword, or a snippet at the start of a statement. */
		NAME,
		/** A field after {@code receiver.}. */
		MEMBER,
		/** A method after {@code receiver:}. */
		METHOD,
		/** An event name as the first argument of {@code receiver:on(}. */
		EVENT
	}

	/** One step of a receiver expression such as {@code tmr.create():} or {@code ("%d"):}, in source order. */
	sealed interface Step {
	}

	/** A variable: the first step. */
	record Name(String name) implements Step {
	}

	/** A value known to be a string: a literal, or a parenthesized concatenation. The first step. */
	record StringValue() implements Step {
	}

	/** {@code .name}. */
	record Field(String name) implements Step {
	}

	/** {@code (...)}: a call of what comes before. */
	record Call() implements Step {
	}

	/** {@code :name(...)}. */
	record MethodCall(String name) implements Step {
	}

	/** Tokens after which a statement may start (besides the end of an expression). */
	private static final Set<String> OPENS_BLOCK = Set.of(";", "end", "do", "then", "else", "repeat", "break");

	/** Keywords that may end an expression, after which a new statement may start. */
	private static final Set<String> ENDS_EXPRESSION = Set.of("true", "false", "nil", "end", "...", ")", "]", "}");

	/**
	 * Reads the context of {@code caret} in {@code text}, from the tokens between {@code from} (a
	 * token boundary not far before the caret, so that the cost does not grow with the file) and the caret.
	 */
	static CaretContext at(String text, int from, int caret) {
		List<Token> tokens = LuaTokens.between(text, from, caret);
		int last = tokens.size() - 1;
		Token lastToken = last >= 0 ? tokens.get(last) : null;
		if (lastToken != null && lastToken.end() == caret) {
			switch (lastToken.type()) {
			case OPEN_COMMENT, NUMBER, STRING:
				return none(caret);
			case OPEN_STRING:
				return eventName(tokens, last, caret);
			case NAME, KEYWORD:
				return word(tokens, last - 1, lastToken.start(), lastToken.text());
			default:
				break;
			}
		}
		if (lastToken != null && (lastToken.type() == Type.OPEN_COMMENT || lastToken.type() == Type.OPEN_STRING)) {
			return none(caret);
		}
		if (lastToken != null && lastToken.is("(") && isOnCall(tokens, last - 1)) {
			List<Step> receiver = receiverEndingAt(tokens, last - 3);
			if (!receiver.isEmpty()) {
				return new CaretContext(Position.EVENT, caret, "", receiver, false, false, true);
			}
		}
		return word(tokens, last, caret, "");
	}

	private static CaretContext none(int caret) {
		return new CaretContext(Position.NONE, caret, "", List.of(), false, false, false);
	}

	/** A word (possibly empty) at {@code wordStart}; {@code before} is the index of the token before it. */
	private static CaretContext word(List<Token> tokens, int before, int wordStart, String prefix) {
		Token previous = before >= 0 ? tokens.get(before) : null;
		if (previous != null && (previous.is(".") || previous.is(":"))) {
			List<Step> receiver = receiverEndingAt(tokens, before - 1);
			Position position = previous.is(".") ? Position.MEMBER : Position.METHOD;
			return new CaretContext(receiver.isEmpty() ? Position.NONE : position, wordStart, prefix, receiver, false, false, false);
		}
		return new CaretContext(Position.NAME, wordStart, prefix, List.of(), statementMayStart(previous), previous != null && previous.is("local"),
				false);
	}

	private static boolean statementMayStart(Token previous) {
		if (previous == null) {
			return true;
		}
		return switch (previous.type()) {
		case NAME, NUMBER, STRING -> true; // the end of an expression statement or assignment
		case KEYWORD, SYMBOL -> OPENS_BLOCK.contains(previous.text()) || ENDS_EXPRESSION.contains(previous.text());
		default -> false;
		};
	}

	/** Inside a string just opened as the first argument of {@code x:on(}. */
	private static CaretContext eventName(List<Token> tokens, int last, int caret) {
		Token string = tokens.get(last);
		char quote = string.text().charAt(0);
		if ((quote == '"' || quote == '\'') && last >= 1 && tokens.get(last - 1).is("(") && isOnCall(tokens, last - 2)) {
			List<Step> receiver = receiverEndingAt(tokens, last - 4);
			if (!receiver.isEmpty()) {
				return new CaretContext(Position.EVENT, string.start() + 1, string.text().substring(1), receiver, false, false, false);
			}
		}
		return none(caret);
	}

	/** Whether the tokens up to {@code index} end with {@code :on}. */
	private static boolean isOnCall(List<Token> tokens, int index) {
		return index >= 1 && tokens.get(index).type() == Type.NAME && tokens.get(index).text().equals("on") && tokens.get(index - 1).is(":");
	}

	/**
	 * The receiver expression that ends with token {@code index}, as steps in source order, or an
	 * empty list when it is not of a form completion can follow ({@code a[i].}, {@code f().x.} is fine).
	 */
	static List<Step> receiverEndingAt(List<Token> tokens, int index) {
		List<Step> steps = new ArrayList<>();
		int i = index;
		while (i >= 0) {
			Token token = tokens.get(i);
			if (token.is(")")) {
				int open = matchingOpen(tokens, i);
				if (open < 0) {
					return List.of();
				}
				Token before = open > 0 ? tokens.get(open - 1) : null;
				if (before != null && before.type() == Type.NAME && open >= 2 && tokens.get(open - 2).is(":")) {
					steps.add(0, new MethodCall(before.text()));
					i = open - 3;
				} else if (before != null && (before.type() == Type.NAME || before.is(")"))) {
					steps.add(0, new Call());
					i = open - 1;
				} else {
					if (!isStringExpression(tokens, open + 1, i)) {
						return List.of();
					}
					steps.add(0, new StringValue());
					return steps;
				}
			} else if (token.type() == Type.NAME) {
				if (i >= 1 && tokens.get(i - 1).is(".")) {
					steps.add(0, new Field(token.text()));
					i -= 2;
				} else if (i >= 1 && (tokens.get(i - 1).is(":") || tokens.get(i - 1).is("]"))) {
					return List.of();
				} else {
					steps.add(0, new Name(token.text()));
					return steps;
				}
			} else if (token.type() == Type.STRING && steps.isEmpty()) {
				// `"x":upper()` is not Lua, but `("x"):upper()` is, and the user may be half way
				steps.add(0, new StringValue());
				return steps;
			} else {
				return List.of();
			}
		}
		return List.of();
	}

	private static int matchingOpen(List<Token> tokens, int close) {
		int depth = 0;
		for (int i = close; i >= 0; i--) {
			Token token = tokens.get(i);
			if (token.is(")")) {
				depth++;
			} else if (token.is("(")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	/** Whether tokens {@code from..to-1} (inside parentheses) are a string literal or a concatenation. */
	private static boolean isStringExpression(List<Token> tokens, int from, int to) {
		if (to - from == 1 && tokens.get(from).type() == Type.STRING) {
			return true;
		}
		int depth = 0;
		for (int i = from; i < to; i++) {
			Token token = tokens.get(i);
			if (token.is("(") || token.is("{") || token.is("[")) {
				depth++;
			} else if (token.is(")") || token.is("}") || token.is("]")) {
				depth--;
			} else if (depth == 0 && token.is("..")) {
				return true;
			}
		}
		return false;
	}
}
