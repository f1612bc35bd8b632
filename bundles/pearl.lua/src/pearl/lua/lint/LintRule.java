package pearl.lua.lint;

/**
 * A lint rule: a stable code, a default severity, and the check itself, which reports through
 * the context. Rules are stateless; one instance serves every file.
 */
public interface LintRule {

	/** The stable code users configure and suppress the rule by, e.g. {@code global-write}. */
	String code();

	/** What the rule finds, in one line (for rule lists and SARIF). */
	String summary();

	/** Severity when the configuration says nothing about the rule. */
	Severity defaultSeverity();

	/** Checks one parsed, syntactically valid file. */
	void check(LintContext context);
}
