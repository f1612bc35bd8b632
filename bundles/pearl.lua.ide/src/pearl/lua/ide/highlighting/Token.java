package pearl.lua.ide.highlighting;

import java.util.EnumSet;
import java.util.List;

/** A token type with its modifiers, before it has a place in the text; the modifiers can still be added to. */
record Token(TokenType type, EnumSet<TokenModifier> modifiers) {

	static Token of(TokenType type, TokenModifier... modifiers) {
		EnumSet<TokenModifier> set = EnumSet.noneOf(TokenModifier.class);
		set.addAll(List.of(modifiers));
		return new Token(type, set);
	}
}
