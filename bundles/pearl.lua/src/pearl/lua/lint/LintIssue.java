package pearl.lua.lint;

/**
 * One finding of the linter. Lines and columns are 1-based; {@code endColumn} is the column just
 * after the last character (as in SARIF). {@code subject} is the name the finding is about (the
 * variable or global), or null; luacheck-style ignore patterns such as {@code 212/self} match it.
 */
public record LintIssue(String file, int line, int column, int endLine, int endColumn, Severity severity, String code,
		String message, String subject) {

	/** The code of syntax errors. */
	public static final String SYNTAX = "syntax";

	/** {@code file:line:column: severity: message [code]}. */
	public String toText() {
		return file + ":" + line + ":" + column + ": " + severity.word() + ": " + message + " [" + code + "]";
	}
}
