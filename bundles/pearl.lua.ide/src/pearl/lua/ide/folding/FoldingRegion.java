package pearl.lua.ide.folding;

/**
 * Lines an editor can fold into the first of them.
 *
 * @param startLine the 1-based line that stays visible when folded (the one that opens the block)
 * @param endLine   the 1-based last line hidden when folded
 * @param kind      what is folded
 */
public record FoldingRegion(int startLine, int endLine, Kind kind) {

	/** What a region holds. */
	public enum Kind {
		/** A function body or a statement's block ({@code if}, loops, {@code do}). */
		BLOCK,
		/** A {@code --[[ ]]} comment or a run of {@code --} line comments. */
		COMMENT,
		/** A table constructor. */
		TABLE
	}
}
