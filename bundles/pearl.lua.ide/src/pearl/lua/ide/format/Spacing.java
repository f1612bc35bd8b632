package pearl.lua.ide.format;

import pearl.lua.ide.format.LuaToken.Kind;
import pearl.lua.ide.format.LuaToken.Role;

/**
 * The white space between two tokens on one line: one space around binary operators and
 * {@code =}, one after a comma, none inside parentheses and brackets, none before a call's
 * parentheses or around {@code .} and {@code :}. Where Lua styles differ ({@code { a }} or
 * {@code {a}}, {@code require "x"} or {@code require"x"}) the file's choice of some space or none
 * is kept; the space around comments is kept as it is. Never lets two tokens run into one.
 */
final class Spacing {

	private Spacing() {
	}

	/** The text to put between {@code a} and {@code b}, which {@code original} separates now. */
	static String between(LuaToken a, LuaToken b, String original) {
		if (a.isComment() || b.isComment()) {
			return original;
		}
		String gap = wanted(a, b, original);
		return gap.isEmpty() && wouldMerge(a, b) ? " " : gap;
	}

	private static String wanted(LuaToken a, LuaToken b, String original) {
		String kept = original.isEmpty() ? "" : " ";
		if (b.is(",") || b.is(";") || b.is(")") || b.is("]")) {
			return "";
		}
		if (a.is("(") || a.is("[")) {
			return "";
		}
		if (a.is("{") || b.is("}")) {
			return a.is("{") && b.is("}") ? "" : kept;
		}
		if (a.is(".") || a.is(":") || b.is(".") || b.is(":")) {
			return "";
		}
		if (a.role() == Role.UNARY) {
			return a.kind() == Kind.KEYWORD ? " " : "";
		}
		boolean afterExpression = a.kind() == Kind.NAME || a.kind() == Kind.STRING || a.is(")") || a.is("]") || a.is("}");
		if (b.is("(")) {
			return afterExpression || a.is("function") ? "" : " ";
		}
		if (b.is("[")) {
			return afterExpression ? "" : " ";
		}
		if ((b.is("{") || b.kind() == Kind.STRING) && afterExpression) {
			return kept; // a call with a table or string argument: f{...}, require "x"
		}
		return " ";
	}

	/** Whether writing {@code a} and {@code b} together would lex as something else. */
	private static boolean wouldMerge(LuaToken a, LuaToken b) {
		char last = a.text().charAt(a.text().length() - 1);
		char first = b.text().charAt(0);
		if (isWord(last) && isWord(first)) {
			return true;
		}
		if (a.kind() == Kind.NUMBER && (first == '.' || Character.isLetter(first))) {
			return true;
		}
		return last == '-' && first == '-' || last == '.' && (first == '.' || Character.isDigit(first))
				|| last == '[' && (first == '[' || first == '=') || "=<>~".indexOf(last) >= 0 && first == '=';
	}

	private static boolean isWord(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}
}
