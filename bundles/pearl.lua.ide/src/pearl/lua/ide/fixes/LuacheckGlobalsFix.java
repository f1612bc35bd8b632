package pearl.lua.ide.fixes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.parser.LuaLexer;
import pearl.lua.parser.LuaLineMap;

/**
 * "Add 'x' to .luacheckrc globals" for {@code global-write} and {@code global-read}: the name is
 * appended to the top-level {@code globals = {...}} table of the project's {@code .luacheckrc}
 * (the open editor's text if it has one, else the file on disk), a {@code globals = {"x"}} line
 * is added when there is no such setting, and the file is created when there is none. Not
 * offered without a project, or when {@code globals} is set to something other than a table.
 */
final class LuacheckGlobalsFix {

	static final String FILE_NAME = ".luacheckrc";

	private LuacheckGlobalsFix() {
	}

	static Optional<QuickFix> of(FixSite site) {
		if (site.project == null || site.subject().isEmpty()) {
			return Optional.empty();
		}
		String name = site.subject().get();
		Path file = site.project.root().resolve(FILE_NAME);
		String title = "Add '" + name + "' to " + FILE_NAME + " globals";
		String entry = "\"" + name + "\"";
		Optional<String> text = currentText(site, file);
		if (text.isEmpty()) {
			TextEdit create = new TextEdit(new TextRange(0, 0), "globals = {" + entry + "}\n");
			return Optional.of(new QuickFix(title, site.issue.code(), List.of(new FileEdits(file.toString(), List.of(create), true)), false));
		}
		return edit(text.get(), entry).map(edit -> new QuickFix(title, site.issue.code(),
				List.of(new FileEdits(file.toString(), List.of(edit), false)), false));
	}

	private static Optional<String> currentText(FixSite site, Path file) {
		Optional<String> open = site.project.document(file.toString()).map(LuaDocument::text);
		if (open.isPresent() || !Files.isRegularFile(file)) {
			return open;
		}
		try {
			return Optional.of(Files.readString(file));
		} catch (IOException e) {
			return Optional.empty(); // unreadable: offer to create nothing rather than overwrite it
		}
	}

	/** The edit adding {@code entry} to the configuration {@code text}, if it can be made safely. */
	static Optional<TextEdit> edit(String text, String entry) {
		List<CommonToken> tokens = significantTokens(text);
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i).getText();
			if (depth == 0 && t.equals("globals") && (i == 0 || !tokens.get(i - 1).getText().equals("."))
					&& i + 1 < tokens.size() && tokens.get(i + 1).getText().equals("=")) {
				if (i + 2 < tokens.size() && tokens.get(i + 2).getText().equals("{")) {
					return addTo(text, tokens, i + 2, entry);
				}
				return Optional.empty(); // globals set from a variable or a function: not ours to edit
			}
			if (t.equals("{") || t.equals("(") || t.equals("[")) {
				depth++;
			} else if (t.equals("}") || t.equals(")") || t.equals("]")) {
				depth--;
			}
		}
		String newline = text.contains("\r\n") ? "\r\n" : "\n";
		String before = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? "" : newline;
		return Optional.of(new TextEdit(new TextRange(text.length(), 0), before + "globals = {" + entry + "}" + newline));
	}

	/** Adds {@code entry} to the table opened at {@code open}: after its last entry, in the layout it has. */
	private static Optional<TextEdit> addTo(String text, List<CommonToken> tokens, int open, String entry) {
		int depth = 0;
		int close = -1;
		for (int i = open; i < tokens.size() && close < 0; i++) {
			String t = tokens.get(i).getText();
			if (t.equals("{") || t.equals("(") || t.equals("[")) {
				depth++;
			} else if ((t.equals("}") || t.equals(")") || t.equals("]")) && --depth == 0) {
				close = i;
			}
		}
		if (close < 0) {
			return Optional.empty();
		}
		for (int i = open + 1; i < close; i++) {
			if (tokens.get(i).getText().equals(entry) || tokens.get(i).getText().equals("'" + entry.substring(1, entry.length() - 1) + "'")) {
				return Optional.empty(); // already declared
			}
		}
		CommonToken last = tokens.get(close - 1);
		int at = last.getStopIndex() + 1;
		if (close - 1 == open) {
			return Optional.of(new TextEdit(new TextRange(at, 0), entry));
		}
		LuaLineMap lines = new LuaLineMap(text);
		boolean multiLine = lines.line(tokens.get(open).getStartIndex()) != lines.line(tokens.get(close).getStartIndex());
		boolean separated = last.getText().equals(",") || last.getText().equals(";");
		if (!multiLine) {
			return Optional.of(new TextEdit(new TextRange(at, 0), (separated ? " " : ", ") + entry + (separated ? "," : "")));
		}
		String newline = text.contains("\r\n") ? "\r\n" : "\n";
		int lastLine = lines.line(last.getStartIndex());
		int lineStart = lines.lineStart(lastLine);
		int indentEnd = lineStart;
		while (indentEnd < text.length() && (text.charAt(indentEnd) == ' ' || text.charAt(indentEnd) == '\t')) {
			indentEnd++;
		}
		String indentation = text.substring(lineStart, indentEnd);
		return Optional.of(new TextEdit(new TextRange(at, 0), (separated ? "" : ",") + newline + indentation + entry + (separated ? "," : "")));
	}

	/** The tokens of a Lua text without white space and comments. */
	private static List<CommonToken> significantTokens(String text) {
		List<CommonToken> tokens = new ArrayList<>();
		LuaLexer lexer = new LuaLexer(new ANTLRStringStream(text));
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			int type = token.getType();
			if (type != LuaLexer.RULE_WS && type != LuaLexer.RULE_LINE_COMMENT && type != LuaLexer.RULE_LONG_COMMENT) {
				tokens.add((CommonToken) token);
			}
		}
		return tokens;
	}
}
