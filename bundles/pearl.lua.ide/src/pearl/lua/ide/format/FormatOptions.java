package pearl.lua.ide.format;

/**
 * How to indent: {@code tabSize} columns per level, as spaces or as one tab per level. The
 * default is two spaces, as most NodeMCU examples and the firmware's own Lua modules are written.
 *
 * @param tabSize      columns per indentation level; a value below 1 counts as 1
 * @param insertSpaces spaces when true, a tab per level when false
 */
public record FormatOptions(int tabSize, boolean insertSpaces) {

	/** Two spaces per level. */
	public static FormatOptions defaults() {
		return new FormatOptions(2, true);
	}

	/** The text of one indentation level. */
	public String indentUnit() {
		return insertSpaces ? " ".repeat(Math.max(1, tabSize)) : "\t";
	}
}
