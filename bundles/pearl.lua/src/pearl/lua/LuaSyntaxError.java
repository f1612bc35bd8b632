package pearl.lua;

/**
 * A syntax error in a Lua file, located the way editors and compilers report it.
 *
 * @param file    the file's name as the user gave it
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong, in words a Lua user knows
 */
public record LuaSyntaxError(String file, int line, int column, String message) {

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + message;
	}
}
