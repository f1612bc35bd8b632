package pearl.lua.ide.highlighting;

import pearl.lua.ide.model.TextRange;

/** One token of a Lua text and its lexical kind. */
public record LexicalToken(TextRange range, LexicalKind kind) {
}
