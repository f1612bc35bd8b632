package pearl.lua.parser;

import java.util.Arrays;

/**
 * Line numbers as Lua counts them: "\n", "\r", "\r\n" and "\n\r" each end one line. Built once
 * per text, then each look-up is a binary search.
 */
public final class LuaLineMap {

	private final int[] lineStarts;
	private final int length;

	/** Indexes the line starts of {@code text}. */
	public LuaLineMap(CharSequence text) {
		length = text.length();
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				if (i + 1 < length) {
					char next = text.charAt(i + 1);
					if (next != c && (next == '\n' || next == '\r')) {
						i++;
					}
				}
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		lineStarts = Arrays.copyOf(starts, count);
	}

	/** The 1-based line of {@code offset}; the end of the text is on the last line, as Lua's {@code <eof>}. */
	public int line(int offset) {
		int clamped = Math.max(0, Math.min(offset, length));
		int index = Arrays.binarySearch(lineStarts, clamped);
		return index >= 0 ? index + 1 : -index - 1;
	}

	/** The 1-based column of {@code offset} on its line. */
	public int column(int offset) {
		int clamped = Math.max(0, Math.min(offset, length));
		return clamped - lineStarts[line(clamped) - 1] + 1;
	}

	/** The offset where 1-based {@code line} starts; past the last line, the end of the text. */
	public int lineStart(int line) {
		return line < 1 ? 0 : line > lineStarts.length ? length : lineStarts[line - 1];
	}

	/** The offset of 1-based {@code line} and {@code column}, clamped to the text. */
	public int offset(int line, int column) {
		return Math.min(length, lineStart(line) + Math.max(0, column - 1));
	}

	/** How many lines the text has, counting the one after a final line break. */
	public int lineCount() {
		return lineStarts.length;
	}
}
