package pearl.lua.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

import pearl.lua.ide.folding.LuaEditorFacts;

/**
 * Indentation while typing, by the rules of {@link LuaEditorFacts} (the same the language
 * configuration gives other editors): Enter after a line that opens a block ({@code function},
 * {@code then}, {@code do}, an open bracket) indents one level more; typing the {@code end},
 * {@code else}, {@code until} or closing bracket that starts a line puts it back at its block's
 * level.
 */
public final class LuaAutoIndentStrategy implements IAutoEditStrategy {

	private final String indentUnit;

	/** A strategy that indents by {@code indentUnit} (a tab, or the preferred number of spaces). */
	public LuaAutoIndentStrategy(String indentUnit) {
		this.indentUnit = indentUnit;
	}

	@Override
	public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
		try {
			if (command.length == 0 && command.text != null && TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1) {
				indentNewLine(document, command);
			} else if (command.length == 0 && command.text != null && command.text.length() == 1) {
				outdentClosingLine(document, command);
			}
		} catch (BadLocationException e) {
			// leave the command as typed
		}
	}

	private void indentNewLine(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		String indent = leadingWhitespace(before);
		if (LuaEditorFacts.increasesIndent(before)) {
			indent += indentUnit;
		}
		command.text = command.text + indent;
	}

	private void outdentClosingLine(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		String after = document.get(command.offset, line.getOffset() + line.getLength() - command.offset);
		String typedLine = before + command.text + after;
		String wordBefore = before.stripLeading() + command.text;
		// only when this keystroke completes the word that opens the line: "end", "else", "}", …
		if (!LuaEditorFacts.decreasesIndent(typedLine) || LuaEditorFacts.decreasesIndent(before + after)
				|| !wordBefore.matches("(end|until|else|elseif|[)}\\]])")) {
			return;
		}
		String wanted = blockIndent(document, document.getLineOfOffset(command.offset));
		String indent = leadingWhitespace(before);
		if (wanted == null || wanted.equals(indent)) {
			return;
		}
		command.offset = line.getOffset();
		command.length = before.length();
		command.text = wanted + before.stripLeading() + command.text;
	}

	/** The indentation a block-closing line should have: the level below the previous non-blank line, unless that line opened the block. */
	private String blockIndent(IDocument document, int lineNumber) throws BadLocationException {
		for (int previous = lineNumber - 1; previous >= 0; previous--) {
			IRegion line = document.getLineInformation(previous);
			String text = document.get(line.getOffset(), line.getLength());
			if (text.isBlank()) {
				continue;
			}
			String indent = leadingWhitespace(text);
			if (LuaEditorFacts.increasesIndent(text)) {
				return indent;
			}
			return indent.endsWith(indentUnit) ? indent.substring(0, indent.length() - indentUnit.length()) : indent.isEmpty() ? "" : indent.substring(0, indent.length() - 1);
		}
		return null;
	}

	private static String leadingWhitespace(String text) {
		int i = 0;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return text.substring(0, i);
	}
}
