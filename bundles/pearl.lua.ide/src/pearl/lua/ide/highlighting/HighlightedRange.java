package pearl.lua.ide.highlighting;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import pearl.lua.ide.model.TextRange;

/**
 * A name in the code and what it is.
 *
 * @param range     where the name is
 * @param type      what it is
 * @param modifiers what more there is to say; never null
 */
public record HighlightedRange(TextRange range, TokenType type, Set<TokenModifier> modifiers) {

	/** Copies the modifiers so that the range cannot change afterwards. */
	public HighlightedRange {
		modifiers = modifiers == null || modifiers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modifiers));
	}
}
