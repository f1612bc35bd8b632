package pearl.lua.lint;

/** A rule whose code, summary and default severity are fixed at construction. */
public abstract class BasicRule implements LintRule {

	private final String code;
	private final String summary;
	private final Severity defaultSeverity;

	protected BasicRule(String code, Severity defaultSeverity, String summary) {
		this.code = code;
		this.summary = summary;
		this.defaultSeverity = defaultSeverity;
	}

	@Override
	public final String code() {
		return code;
	}

	@Override
	public final String summary() {
		return summary;
	}

	@Override
	public final Severity defaultSeverity() {
		return defaultSeverity;
	}
}
