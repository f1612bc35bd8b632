package pearl.lua.ide.completion;

import pearl.lua.ide.model.TextRange;

/**
 * One thing that may be typed at the caret.
 *
 * @param label         what the list shows and what the typed prefix is matched against
 * @param kind          what the proposal is, for the editor's icon
 * @param detail        a signature or a short description, e.g. {@code tmr.create() -> tmr.timer}
 * @param documentation one line from the firmware data file (markdown allowed), or empty
 * @param insertText    the text to insert: LSP snippet syntax ({@code ${1:name}}, {@code $0}) when
 *                      {@code snippet} is true, else plain text
 * @param snippet       whether {@code insertText} is a snippet
 * @param replace       the range the proposal replaces: the partial word before the caret (possibly empty)
 * @param sortText      orders proposals, best first, when compared as strings
 */
public record CompletionProposal(String label, Kind kind, String detail, String documentation, String insertText, boolean snippet,
		TextRange replace, String sortText) {

	/** What a proposal is. */
	public enum Kind {
		KEYWORD, LOCAL, UPVALUE, PARAMETER, GLOBAL, MODULE, FUNCTION, METHOD, FIELD, CONSTANT, EVENT, SNIPPET
	}
}
