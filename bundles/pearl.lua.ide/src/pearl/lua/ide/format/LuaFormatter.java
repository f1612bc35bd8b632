package pearl.lua.ide.format;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;

/**
 * Formats Lua files: indentation by block and bracket nesting, spacing around operators, commas
 * and parentheses, no trailing white space. It never joins or splits lines and never changes the
 * inside of a string or comment (a comment line is only indented again), so the file's tokens stay
 * the same. Formatting formatted code changes nothing. A file with syntax errors is left alone: its
 * blocks are not known for sure.
 */
public final class LuaFormatter {

	/** A formatter; it keeps no state between calls. */
	public LuaFormatter() {
	}

	/** Edits that format the whole file, one per changed line; empty when already formatted or when the file has syntax errors. */
	public List<TextEdit> format(LuaDocument document, FormatOptions options) {
		return edits(document, null, options);
	}

	/** Edits that format only the lines touching {@code range}; empty when they are formatted or the file has syntax errors. */
	public List<TextEdit> format(LuaDocument document, TextRange range, FormatOptions options) {
		return edits(document, range, options);
	}

	private static List<TextEdit> edits(LuaDocument document, TextRange range, FormatOptions options) {
		INode root = document.rootNode();
		if (root == null || !document.parsed().syntaxErrors().isEmpty()) {
			return List.of();
		}
		return new LineLayout(document.text(), document.lines(), LuaTokens.of(root), options).edits(range);
	}
}
