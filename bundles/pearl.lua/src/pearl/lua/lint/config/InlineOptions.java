package pearl.lua.lint.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.parser.LuaLexer;
import pearl.lua.parser.LuaLineMap;

/**
 * The {@code -- luacheck: ...} comments of one Lua file. A comment's body is {@code luacheck:}
 * followed by comma-separated options, each a name and space-separated arguments; notes in
 * parentheses are skipped. Pearl applies:
 * <ul>
 * <li>{@code ignore [patterns]} (no patterns: every finding), {@code enable patterns},
 * {@code only patterns}: {@link WarningPattern warning patterns};</li>
 * <li>{@code globals names}, {@code read globals names} (and {@code new globals},
 * {@code new read globals}, which here add like the plain ones);</li>
 * <li>{@code std sets}, recorded ({@link #stdAt});</li>
 * <li>{@code unused}, {@code global}, {@code redefined}, with {@code no} before them to ignore
 * luacheck codes 2, 1 and 4 ({@code no unused} ignores every {@code unused-local} finding);</li>
 * <li>{@code push} and {@code pop}, which may start an option ({@code push ignore foo}).</li>
 * </ul>
 * Other luacheck options are accepted and not used; anything else is listed in
 * {@link #problems()}.
 * <p>
 * Scope: options in a comment that shares its line with code apply to that line only. Options in
 * a comment on a line of its own apply, in luacheck, to the end of the enclosing function or
 * block; Pearl approximates that as <em>to the end of the file, or to the {@code pop} matching
 * the innermost {@code push} open at the comment</em>. When several comments cover a line, they
 * apply in the order they appear in the file, after the configuration file's options.
 * Syntax errors are never suppressed.
 */
public final class InlineOptions {

	/** Names of the options of luacheck's inline comments, longest first so the longest name wins. */
	private static final List<String> OPTION_NAMES = List.of("max cyclomatic complexity", "max comment line length",
			"max string line length", "max code line length", "max line length", "allow defined top", "allow defined",
			"unused secondaries", "unused args", "new read globals", "read globals", "new globals", "not globals", "globals",
			"unused", "global", "redefined", "self", "compat", "module", "ignore", "enable", "only", "std");

	/** Options of one comment and the lines they cover. */
	private static final class Directive {
		final int startLine;
		int endLine;
		WarningFilter filter = WarningFilter.NONE;
		final Set<String> globals = new LinkedHashSet<>();
		final Set<String> readGlobals = new LinkedHashSet<>();
		String std;

		Directive(int startLine, int endLine) {
			this.startLine = startLine;
			this.endLine = endLine;
		}

		boolean covers(int line) {
			return startLine <= line && line <= endLine;
		}
	}

	private final List<Directive> directives;
	private final List<String> problems;

	private InlineOptions(List<Directive> directives, List<String> problems) {
		this.directives = directives;
		this.problems = problems;
	}

	/** Options of a file without {@code luacheck:} comments. */
	public static final InlineOptions NONE = new InlineOptions(List.of(), List.of());

	/** Reads the {@code luacheck:} comments of a Lua file's text (which need not be valid Lua). */
	public static InlineOptions parse(String text) {
		if (!text.contains("luacheck:")) {
			return NONE; // most files have none: spare them a second lexing
		}
		LuaLineMap lines = new LuaLineMap(text);
		BitSet codeLines = new BitSet();
		List<CommonToken> comments = new ArrayList<>();
		LuaLexer lexer = new LuaLexer(new ANTLRStringStream(text));
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			CommonToken common = (CommonToken) token;
			int type = token.getType();
			if (type == LuaLexer.RULE_LINE_COMMENT) {
				comments.add(common);
			} else if (type != LuaLexer.RULE_WS && type != LuaLexer.RULE_LONG_COMMENT) {
				// a token spanning lines (a long string) puts code on each of them
				codeLines.set(lines.line(common.getStartIndex()), lines.line(Math.max(common.getStartIndex(), common.getStopIndex())) + 1);
			}
		}
		Builder builder = new Builder();
		for (CommonToken comment : comments) {
			String body = comment.getText();
			if (!body.startsWith("--")) {
				continue; // a first line starting with '#'
			}
			body = body.substring(2).strip();
			if (!body.startsWith("luacheck:")) {
				continue;
			}
			int line = lines.line(comment.getStartIndex());
			builder.comment(line, codeLines.get(line), body.substring("luacheck:".length()));
		}
		return builder.build();
	}

	/** Whether the comments suppress {@code issue}, the configuration file having said nothing about it. */
	public boolean suppresses(LintIssue issue) {
		return isSuppressed(issue, false);
	}

	/**
	 * Whether {@code issue} is suppressed once the comments covering its line have had their say:
	 * {@code config}'s verdict ({@link LintConfig#isSuppressed}) first, which an inline
	 * {@code enable} can overturn.
	 */
	public boolean isSuppressed(LintIssue issue, LintConfig config) {
		return isSuppressed(issue, config.isSuppressed(issue));
	}

	/**
	 * Whether {@code issue} is suppressed after the comments covering its line, starting from
	 * {@code suppressed}.
	 */
	public boolean isSuppressed(LintIssue issue, boolean suppressed) {
		if (LintIssue.SYNTAX.equals(issue.code())) {
			return false;
		}
		boolean result = suppressed;
		for (Directive directive : directives) {
			if (directive.covers(issue.line())) {
				result = directive.filter.isSuppressed(issue.code(), issue.subject(), result);
			}
		}
		return result;
	}

	/** Globals that comments declare (as settable) at 1-based {@code line}. */
	public Set<String> globalsAt(int line) {
		Set<String> result = new LinkedHashSet<>();
		for (Directive directive : directives) {
			if (directive.covers(line)) {
				result.addAll(directive.globals);
			}
		}
		return result;
	}

	/** Globals that comments declare read-only at 1-based {@code line}. */
	public Set<String> readGlobalsAt(int line) {
		Set<String> result = new LinkedHashSet<>();
		for (Directive directive : directives) {
			if (directive.covers(line)) {
				result.addAll(directive.readGlobals);
			}
		}
		return result;
	}

	/**
	 * The standard global sets that {@code std} comments ask for at {@code line}, empty when none
	 * does: a later comment replaces the sets, unless its value starts with {@code +}.
	 */
	public List<String> stdAt(int line) {
		Set<String> names = new LinkedHashSet<>();
		for (Directive directive : directives) {
			if (directive.covers(line) && directive.std != null) {
				if (!directive.std.startsWith("+")) {
					names.clear();
				}
				for (String name : directive.std.split("\\+")) {
					if (!name.isBlank()) {
						names.add(name);
					}
				}
			}
		}
		return List.copyOf(names);
	}

	/** Options Pearl could not read, as {@code line N: what}; luacheck reports these as warning 021 to 023. */
	public List<String> problems() {
		return problems;
	}

	/** Turns comments, in file order, into directives with their line ranges. */
	private static final class Builder {
		private final List<Directive> directives = new ArrayList<>();
		private final List<String> problems = new ArrayList<>();
		/** Own-line directives opened since each open push; the bottom one is the file's. */
		private final Deque<List<Directive>> frames = new ArrayDeque<>();

		Builder() {
			frames.push(new ArrayList<>());
		}

		void comment(int line, boolean sharesLineWithCode, String options) {
			for (String option : withoutNotes(options).split(",")) {
				List<String> words = new ArrayList<>(List.of(option.strip().split("\\s+")));
				words.removeIf(String::isEmpty);
				while (!words.isEmpty() && (words.get(0).equals("push") || words.get(0).equals("pop"))) {
					if (words.remove(0).equals("push")) {
						frames.push(new ArrayList<>());
					} else {
						pop(line, sharesLineWithCode);
					}
				}
				if (words.isEmpty()) {
					continue;
				}
				Directive directive = sharesLineWithCode ? new Directive(line, line) : new Directive(line, Integer.MAX_VALUE);
				if (option(directive, words, line)) {
					directives.add(directive);
					if (!sharesLineWithCode) {
						frames.peek().add(directive);
					}
				}
			}
		}

		private void pop(int line, boolean sharesLineWithCode) {
			if (frames.size() == 1) {
				problems.add("line " + line + ": 'pop' without a 'push'");
				return;
			}
			int end = sharesLineWithCode ? line : line - 1;
			for (Directive directive : frames.pop()) {
				directive.endLine = end;
			}
		}

		/** Applies one option to {@code directive}; false when it does nothing Pearl uses. */
		private boolean option(Directive directive, List<String> words, int line) {
			boolean negated = words.get(0).equals("no");
			List<String> rest = negated ? words.subList(1, words.size()) : words;
			String joined = String.join(" ", rest);
			String name = OPTION_NAMES.stream().filter(n -> joined.equals(n) || joined.startsWith(n + " ")).findFirst().orElse(null);
			if (name == null) {
				problems.add("line " + line + ": unknown inline option '" + String.join(" ", words) + "'");
				return false;
			}
			List<String> arguments = rest.subList(name.split(" ").length, rest.size());
			switch (name) {
			case "ignore" -> {
				List<WarningPattern> patterns = arguments.isEmpty() ? List.of(WarningPattern.ALL) : patterns(arguments, line);
				directive.filter = directive.filter.then(WarningFilter.Action.IGNORE, patterns);
			}
			case "enable" -> directive.filter = directive.filter.then(WarningFilter.Action.ENABLE, patterns(arguments, line));
			case "only" -> directive.filter = directive.filter.then(WarningFilter.Action.ONLY, patterns(arguments, line));
			case "globals", "new globals" -> directive.globals.addAll(arguments);
			case "read globals", "new read globals" -> directive.readGlobals.addAll(arguments);
			case "std" -> {
				if (arguments.size() != 1) {
					problems.add("line " + line + ": 'std' takes one argument");
					return false;
				}
				directive.std = arguments.get(0);
			}
			case "unused", "global", "redefined" -> {
				String code = name.equals("global") ? "1" : name.equals("unused") ? "2" : "4";
				directive.filter = directive.filter.then(negated ? WarningFilter.Action.IGNORE : WarningFilter.Action.ENABLE,
						List.of(WarningPattern.parse(code)));
			}
			default -> {
				return false; // a luacheck option about checks Pearl does not make
			}
			}
			return true;
		}

		private List<WarningPattern> patterns(List<String> arguments, int line) {
			List<WarningPattern> patterns = new ArrayList<>();
			for (String argument : arguments) {
				try {
					patterns.add(WarningPattern.parse(argument));
				} catch (IllegalArgumentException e) {
					problems.add("line " + line + ": bad pattern '" + argument + "': " + e.getMessage());
				}
			}
			return patterns;
		}

		/** The options without notes in (balanced) parentheses. */
		private static String withoutNotes(String options) {
			StringBuilder result = new StringBuilder();
			int depth = 0;
			for (char c : options.toCharArray()) {
				if (c == '(') {
					depth++;
				} else if (c == ')' && depth > 0) {
					depth--;
				} else if (depth == 0) {
					result.append(c);
				}
			}
			return result.toString();
		}

		InlineOptions build() {
			return new InlineOptions(List.copyOf(directives), List.copyOf(problems));
		}
	}
}
