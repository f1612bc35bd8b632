package pearl.lua.ide.navigation;

import pearl.lua.ide.model.TextRange;

/**
 * A place in a file of the project: where a definition or reference is.
 *
 * @param fileName the file's name as its {@link pearl.lua.ide.model.LuaDocument} has it
 * @param range    the characters of the name (for a whole file: offset 0, length 0)
 */
public record SourceLocation(String fileName, TextRange range) {
}
