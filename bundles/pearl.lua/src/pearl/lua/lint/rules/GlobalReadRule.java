package pearl.lua.lint.rules;

import pearl.lua.firmware.LookupResult;
import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.scope.NameUse;

/**
 * {@code global-read}: reading a global that nothing defines: not the board's libraries or
 * modules, not the project's declared globals, not set by any linted file. On the board it is
 * nil, so calling it fails with "attempt to call global ... (a nil value)". Globals the board
 * lacks ({@code io}, a module left out of the build) are {@code unavailable-api}'s.
 */
public final class GlobalReadRule extends BasicRule {

	public GlobalReadRule() {
		super("global-read", Severity.WARNING, "reading a global that nothing defines");
	}

	@Override
	public void check(LintContext context) {
		for (NameUse use : context.scopes().globalUses()) {
			if (use.access() == NameUse.Access.READ && !context.config().isReadableGlobal(use.name())
					&& context.firmware().lookup(use.name()) instanceof LookupResult.Unknown) {
				context.reportUndefinedGlobal(this, use, "reading global '" + use.name()
						+ "', which nothing defines: a typo, or set elsewhere (declare it in .luacheckrc read_globals)");
			}
		}
	}
}
