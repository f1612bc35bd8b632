package pearl.lua.lint.rules;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.scope.NameUse;

/**
 * {@code global-write}: assigning a global the project has not declared. On the board a global
 * lives in RAM until reboot, and a missing {@code local} is the FAQ's most common leak.
 */
public final class GlobalWriteRule extends BasicRule {

	public GlobalWriteRule() {
		super("global-write", Severity.WARNING, "assigning a global the project has not declared");
	}

	@Override
	public void check(LintContext context) {
		for (NameUse use : context.scopes().globalUses()) {
			if (use.access() == NameUse.Access.WRITE && !context.config().isDeclaredGlobal(use.name())) {
				context.report(this, use, "setting global '" + use.name()
						+ "': it stays in RAM until the board reboots; make it local, or declare it in .luacheckrc globals");
			}
		}
	}
}
