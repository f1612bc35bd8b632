package pearl.lua.lint;

import java.util.List;

import pearl.lua.lint.rules.GlobalWriteRule;
import pearl.lua.lint.rules.ShadowedLocalRule;
import pearl.lua.lint.rules.UnusedLocalRule;

/** Every rule Pearl has, in the order their findings are documented. */
public final class LintRules {

	private LintRules() {
	}

	/** A new list of all rules. */
	public static List<LintRule> all() {
		return List.of(new GlobalWriteRule(), new UnusedLocalRule(), new ShadowedLocalRule());
	}
}
