package pearl.lua.lint.rules;

import pearl.lua.firmware.LookupResult;
import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.PathUse;
import pearl.lua.lint.Severity;

/**
 * {@code unavailable-api}: using what the board does not have: {@code io}, {@code os},
 * {@code bit32}, the trimmed math and debug functions, or a firmware module the board profile's
 * build leaves out. On the board these are nil.
 */
public final class UnavailableApiRule extends BasicRule {

	public UnavailableApiRule() {
		super("unavailable-api", Severity.ERROR, "using a library, function or module the board does not have");
	}

	@Override
	public void check(LintContext context) {
		for (PathUse use : context.pathUses()) {
			if (use.written()) {
				continue;
			}
			if (use.result() instanceof LookupResult.Absent absent) {
				context.report(this, use.expression(), use.path(), "'" + absent.api().path() + "' is not on NodeMCU: "
						+ absent.api().message());
			} else if (use.result() instanceof LookupResult.NotInBuild notInBuild) {
				context.report(this, use.expression(), use.path(), "module '" + notInBuild.module()
						+ "' is not in this board's firmware build; add it to the build (and to the board profile) or do without it");
			}
		}
	}
}
