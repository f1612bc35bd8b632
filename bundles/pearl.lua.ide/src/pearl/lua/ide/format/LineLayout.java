package pearl.lua.ide.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.parser.LuaLineMap;

/**
 * Lays out each line of a file again: indentation from the blocks and brackets open at its start,
 * spacing between its tokens, no trailing white space. Lines are never joined or split, and the
 * inside of a string or comment that spans lines is left as it is.
 * <p>
 * A line's indentation is one level more than that of the line where the innermost open block or
 * bracket started, however many opened on that line ({@code f(function()} opens one level); a
 * line starting with closers ({@code end)}) goes back to the line that opened the last of them.
 * For {@code then} and {@code do} that line is the one of their {@code if}, {@code while} or
 * {@code for}. A statement continued on the next line (after a binary operator, {@code =} or a
 * comma outside brackets, or before a binary operator) gets one level more.
 */
final class LineLayout {

	private static final Set<String> OPENERS = Set.of("function", "then", "do", "repeat", "else", "(", "{", "[");
	private static final Set<String> CLOSERS = Set.of("end", "until", "else", "elseif", ")", "}", "]");

	/** A block or bracket not yet closed, and the line its indentation counts from. */
	private record Open(LuaToken token, int baseLine) {
	}

	private final String text;
	private final LuaLineMap lines;
	private final List<LuaToken> tokens;
	private final FormatOptions options;
	private final int lineCount;
	/** Per line: the tokens starting on it. */
	private final List<List<LuaToken>> starting = new ArrayList<>();
	/** Per line: the token that started on an earlier line and goes on into this one, or null. */
	private final LuaToken[] covering;
	private final int[] level;

	LineLayout(String text, LuaLineMap lines, List<LuaToken> tokens, FormatOptions options) {
		this.text = text;
		this.lines = lines;
		this.tokens = tokens;
		this.options = options;
		this.lineCount = lines.lineCount();
		this.covering = new LuaToken[lineCount + 1];
		this.level = new int[lineCount + 1];
		for (int line = 0; line <= lineCount; line++) {
			starting.add(new ArrayList<>());
		}
		for (LuaToken token : this.tokens) {
			int first = lines.line(token.offset());
			starting.get(first).add(token);
			int last = lines.line(token.end() - 1);
			for (int line = first + 1; line <= last; line++) {
				covering[line] = token;
			}
		}
		indent();
	}

	/** The edits that lay out the lines touching {@code range} (every line when null), one per changed line. */
	List<TextEdit> edits(TextRange range) {
		List<TextEdit> edits = new ArrayList<>();
		for (int line = 1; line <= lineCount; line++) {
			if (range != null && !touches(line, range)) {
				continue;
			}
			layout(line, edits);
		}
		return edits;
	}

	private boolean touches(int line, TextRange range) {
		int start = lines.lineStart(line);
		int end = contentEnd(line);
		if (range.length() > 0 && range.end() == start && line > 1) {
			return false; // a selection of whole lines ends at the start of the next one
		}
		return start <= range.end() && end >= range.offset();
	}

	private void indent() {
		Deque<Open> open = new ArrayDeque<>();
		LuaToken previous = null;
		for (int line = 1; line <= lineCount; line++) {
			List<LuaToken> onLine = starting.get(line);
			if (covering[line] != null) {
				level[line] = measuredLevel(line);
			} else {
				int leading = leadingClosers(onLine);
				if (leading > 0) {
					Open last = null;
					Iterator<Open> it = open.iterator();
					for (int i = 0; i < leading && it.hasNext(); i++) {
						last = it.next();
					}
					level[line] = last == null ? 0 : level[last.baseLine()];
				} else {
					level[line] = open.isEmpty() ? 0 : level[open.peek().baseLine()] + 1;
					LuaToken first = onLine.isEmpty() ? null : onLine.get(0);
					if (continues(previous, first, open.peek())) {
						level[line]++;
					}
				}
			}
			for (LuaToken token : onLine) {
				if (token.isComment()) {
					continue;
				}
				if (isCloser(token) && !open.isEmpty()) {
					open.pop();
				}
				if (isOpener(token)) {
					int base = token.is("then") || token.is("do") ? lines.line(token.statementStart()) : line;
					open.push(new Open(token, Math.min(base, line)));
				}
				previous = token;
			}
		}
	}

	private static int leadingClosers(List<LuaToken> onLine) {
		int count = 0;
		while (count < onLine.size() && isCloser(onLine.get(count))) {
			count++;
		}
		return count;
	}

	/** Whether the line goes on with the statement of the line before. */
	private static boolean continues(LuaToken previous, LuaToken first, Open innermost) {
		if (first != null && !first.isComment() && first.role() == LuaToken.Role.BINARY) {
			return true;
		}
		if (previous == null) {
			return false;
		}
		if (previous.role() == LuaToken.Role.BINARY || previous.role() == LuaToken.Role.ASSIGN) {
			return true;
		}
		return previous.is(",") && (innermost == null || !isBracket(innermost.token()));
	}

	private static boolean isBracket(LuaToken token) {
		return token.is("(") || token.is("{") || token.is("[");
	}

	private static boolean isOpener(LuaToken token) {
		return (token.kind() == LuaToken.Kind.KEYWORD || token.kind() == LuaToken.Kind.SYMBOL) && OPENERS.contains(token.text());
	}

	private static boolean isCloser(LuaToken token) {
		return (token.kind() == LuaToken.Kind.KEYWORD || token.kind() == LuaToken.Kind.SYMBOL) && CLOSERS.contains(token.text());
	}

	/** The level of a line the formatter does not indent, from the white space it starts with. */
	private int measuredLevel(int line) {
		int columns = 0;
		int tabSize = Math.max(1, options.tabSize());
		for (int i = lines.lineStart(line); i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ') {
				columns++;
			} else if (c == '\t') {
				columns += tabSize - columns % tabSize;
			} else {
				break;
			}
		}
		return columns / tabSize;
	}

	private int contentEnd(int line) {
		int start = lines.lineStart(line);
		int end = line < lineCount ? lines.lineStart(line + 1) : text.length();
		while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		return end;
	}

	/** Adds the edit that lays out {@code line}, if it changes. */
	private void layout(int line, List<TextEdit> edits) {
		LuaToken before = covering[line];
		int start = before == null ? lines.lineStart(line) : before.end();
		int end = contentEnd(line);
		if (start > end) {
			return; // all of the line is inside a long string or comment
		}
		StringBuilder out = new StringBuilder();
		List<LuaToken> onLine = starting.get(line);
		if (before == null && !onLine.isEmpty()) {
			out.append(options.indentUnit().repeat(level[line]));
		}
		LuaToken previous = before;
		for (LuaToken token : onLine) {
			if (previous != null) {
				out.append(Spacing.between(previous, token, text.substring(previous.end(), token.offset())));
			}
			if (token.end() > end) {
				end = token.offset(); // a long string or comment going on below: its text is not ours
				break;
			}
			out.append(token.isLineComment() ? token.text().stripTrailing() : token.text());
			previous = token;
		}
		String old = text.substring(start, end);
		String laidOut = out.toString();
		if (!old.equals(laidOut)) {
			edits.add(smallest(start, old, laidOut));
		}
	}

	/** The edit replacing {@code old} at {@code start} by {@code laidOut}, without their common start and end. */
	private static TextEdit smallest(int start, String old, String laidOut) {
		int prefix = 0;
		int max = Math.min(old.length(), laidOut.length());
		while (prefix < max && old.charAt(prefix) == laidOut.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < max - prefix && old.charAt(old.length() - 1 - suffix) == laidOut.charAt(laidOut.length() - 1 - suffix)) {
			suffix++;
		}
		return new TextEdit(new TextRange(start + prefix, old.length() - prefix - suffix),
				laidOut.substring(prefix, laidOut.length() - suffix));
	}
}
