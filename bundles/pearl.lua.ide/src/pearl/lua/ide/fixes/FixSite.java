package pearl.lua.ide.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.LintIssue;
import pearl.lua.lua.Block;

/**
 * A lint finding in its document, with what the fixes need around it: where it is, the
 * statements and blocks around a syntax element, and edits that add a line before a statement.
 */
final class FixSite {

	final LuaDocument document;
	final LuaProject project;
	final LintIssue issue;
	/** Where the finding starts in the document's text. */
	final int offset;

	FixSite(LuaDocument document, LuaProject project, LintIssue issue) {
		this.document = document;
		this.project = project;
		this.issue = issue;
		this.offset = document.lines().offset(issue.line(), issue.column());
	}

	/** A fix that edits only the document. */
	QuickFix fix(String title, List<TextEdit> edits, boolean preferred) {
		return new QuickFix(title, issue.code(), List.of(new FileEdits(document.fileName(), merged(edits), false)), preferred);
	}

	/**
	 * The edits in text order, an insertion merged into the edit that starts where it inserts:
	 * clients may apply two edits at one offset in either order.
	 */
	static List<TextEdit> merged(List<TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(java.util.Comparator.comparingInt((TextEdit e) -> e.range().offset()).thenComparingInt(e -> e.range().length()));
		List<TextEdit> result = new ArrayList<>();
		for (TextEdit edit : sorted) {
			TextEdit previous = result.isEmpty() ? null : result.get(result.size() - 1);
			if (previous != null && previous.range().length() == 0 && previous.range().offset() == edit.range().offset()) {
				result.set(result.size() - 1, new TextEdit(edit.range(), previous.newText() + edit.newText()));
			} else {
				result.add(edit);
			}
		}
		return result;
	}

	/** Where an element is, or an empty range at 0 when it has no text (never for a parsed element). */
	TextRange range(EObject element) {
		return document.rangeOf(element).orElse(new TextRange(0, 0));
	}

	/** The statement (or {@code return}/{@code break}) of a block that {@code element} is part of. */
	static EObject statementOf(EObject element) {
		EObject statement = element;
		while (statement != null && !(statement.eContainer() instanceof Block)) {
			statement = statement.eContainer();
		}
		return statement;
	}

	/** The statement of {@code block} that {@code element} is part of, or null when it is outside the block. */
	static EObject statementIn(Block block, EObject element) {
		for (EObject statement = element; statement != null; statement = statement.eContainer()) {
			if (statement.eContainer() == block) {
				return statement;
			}
		}
		return null;
	}

	/** The innermost block containing all of {@code elements}; null when there are none. */
	static Block commonBlock(List<EObject> elements) {
		List<Block> common = null;
		for (EObject element : elements) {
			List<Block> around = new ArrayList<>();
			for (EObject o = element; o != null; o = o.eContainer()) {
				if (o instanceof Block block) {
					around.add(0, block); // outermost first
				}
			}
			if (common == null) {
				common = around;
			} else {
				int same = 0;
				while (same < common.size() && same < around.size() && common.get(same) == around.get(same)) {
					same++;
				}
				common = common.subList(0, same);
			}
		}
		return common == null || common.isEmpty() ? null : common.get(common.size() - 1);
	}

	/**
	 * Adds {@code code} just before {@code statement}: on a line of its own with the statement's
	 * indentation when the statement starts its line, else before it on the same line.
	 */
	TextEdit lineBefore(EObject statement, String code) {
		int start = range(statement).offset();
		int lineStart = document.lines().lineStart(document.lines().line(start));
		String before = document.text().substring(lineStart, start);
		if (before.isBlank()) {
			return new TextEdit(new TextRange(lineStart, 0), before + code + newline());
		}
		return new TextEdit(new TextRange(start, 0), code + "; ");
	}

	/** The document's line break. */
	String newline() {
		return document.text().contains("\r\n") ? "\r\n" : "\n";
	}

	/** The white space a line starts with. */
	String indentationOf(int line) {
		String text = document.text();
		int start = document.lines().lineStart(line);
		int end = start;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(start, end);
	}

	/** The offset where the line's text ends, before its line break. */
	int contentEnd(int line) {
		String text = document.text();
		int start = document.lines().lineStart(line);
		int end = line < document.lines().lineCount() ? document.lines().lineStart(line + 1) : text.length();
		while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		return end;
	}

	/** A name no variable of the document has, the first free one of {@code candidates} then {@code last2}, {@code last3}... */
	String freshName(String... candidates) {
		java.util.Set<String> taken = new java.util.HashSet<>();
		document.scopes().uses().forEach(use -> taken.add(use.name()));
		document.scopes().locals().forEach(local -> taken.add(local.name()));
		for (String candidate : candidates) {
			if (!taken.contains(candidate) && document.firmware().lookup(candidate) instanceof pearl.lua.firmware.LookupResult.Unknown) {
				return candidate;
			}
		}
		String last = candidates[candidates.length - 1];
		for (int i = 2;; i++) {
			if (!taken.contains(last + i)) {
				return last + i;
			}
		}
	}

	/** The subject of the finding, if it names one. */
	Optional<String> subject() {
		return Optional.ofNullable(issue.subject());
	}
}
