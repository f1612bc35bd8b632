package pearl.lua.ide.folding;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an editor needs to know of Lua's surface to edit it comfortably: comment syntax for
 * toggling comments, bracket pairs for matching and auto-closing, the keywords that open and
 * close blocks, and when a new line is indented or a line is outdented. The same data serves
 * the Eclipse editor and a TextMate {@code language-configuration.json}; the indentation regular
 * expressions use only look-ahead, word boundaries and classes, which Java and Oniguruma read alike.
 */
public final class LuaEditorFacts {

	/** Something that opens and what closes it. */
	public record Pair(String open, String close) {
	}

	/** Starts a comment that runs to the end of the line. */
	public static final String LINE_COMMENT = "--";

	/** Opens a comment over several lines. */
	public static final String BLOCK_COMMENT_START = "--[[";

	/** Closes a comment over several lines. */
	public static final String BLOCK_COMMENT_END = "]]";

	/** Brackets an editor matches and highlights in pairs. */
	public static final List<Pair> BRACKETS = List.of(new Pair("(", ")"), new Pair("[", "]"), new Pair("{", "}"));

	/** What an editor closes as soon as the opening is typed: the brackets and both quotes. */
	public static final List<Pair> AUTO_CLOSING_PAIRS = List.of(new Pair("(", ")"), new Pair("[", "]"), new Pair("{", "}"),
			new Pair("\"", "\""), new Pair("'", "'"));

	/**
	 * Keywords that open a block and the keyword that closes it. {@code for} and {@code while}
	 * are followed by a {@code do} that belongs to them: a matcher pairs the {@code end} with the
	 * {@code for} or {@code while}, and with {@code do} only when the {@code do} stands alone.
	 */
	public static final List<Pair> BLOCK_KEYWORDS = List.of(new Pair("function", "end"), new Pair("if", "end"), new Pair("for", "end"),
			new Pair("while", "end"), new Pair("do", "end"), new Pair("repeat", "until"));

	/** Keywords that end one branch of an {@code if} and start the next. */
	public static final List<String> BRANCH_KEYWORDS = List.of("elseif", "else");

	/**
	 * A line after which the next is indented: outside a leading comment, it has {@code function},
	 * {@code then}, {@code do}, {@code repeat} or {@code else} with no {@code end} or {@code until}
	 * after it, or an opening bracket with no closing bracket after it (before any trailing comment).
	 * Line by line, as editors apply it: a keyword inside a string literal counts too.
	 */
	public static final String INCREASE_INDENT_REGEX = "^(?!\\s*--)"
			+ "(?:(?:(?!--).)*?\\b(?:function|then|do|repeat|else)\\b(?!(?:(?!--).)*\\b(?:end|until)\\b)"
			+ "|(?:(?!--).)*?[({\\[](?:(?!--)[^)}\\]])*(?:--.*)?$)";

	/** A line that is outdented to its block's opening line: it starts with {@code end}, {@code until}, {@code else}, {@code elseif} or a closing bracket. */
	public static final String DECREASE_INDENT_REGEX = "^\\s*(?:(?:end|until|else|elseif)\\b|[)}\\]])";

	/** {@link #INCREASE_INDENT_REGEX}, compiled. */
	public static final Pattern INCREASE_INDENT = Pattern.compile(INCREASE_INDENT_REGEX);

	/** {@link #DECREASE_INDENT_REGEX}, compiled. */
	public static final Pattern DECREASE_INDENT = Pattern.compile(DECREASE_INDENT_REGEX);

	private LuaEditorFacts() {
	}

	/** Whether the line after {@code line} is indented one level more (by {@link #INCREASE_INDENT}). */
	public static boolean increasesIndent(String line) {
		return INCREASE_INDENT.matcher(line).find();
	}

	/** Whether {@code line} is outdented one level from the line before (by {@link #DECREASE_INDENT}). */
	public static boolean decreasesIndent(String line) {
		return DECREASE_INDENT.matcher(line).find();
	}
}
