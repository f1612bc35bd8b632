package pearl.lua.ide.hover;

import pearl.lua.ide.model.TextRange;

/**
 * What a hover shows for the token at the caret.
 *
 * @param range    the token the hover is about (an editor highlights it)
 * @param markdown the text, in Markdown with Lua code blocks
 */
public record HoverInfo(TextRange range, String markdown) {
}
