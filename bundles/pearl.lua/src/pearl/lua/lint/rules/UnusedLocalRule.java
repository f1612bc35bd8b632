package pearl.lua.lint.rules;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.LuaPackage;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * {@code unused-local}: a local variable, function, argument or loop variable whose value is
 * never read, as luacheck reports them (W211, W212, W213, W231). Names starting with {@code _}
 * are unused on purpose; an implicit {@code self} is never reported.
 */
public final class UnusedLocalRule extends BasicRule {

	public UnusedLocalRule() {
		super("unused-local", Severity.WARNING, "a local variable, function, argument or loop variable that is never read");
	}

	@Override
	public void check(LintContext context) {
		for (LocalVariable local : context.scopes().locals()) {
			if (local.isRead() || local.kind() == LocalVariable.Kind.SELF || local.name().startsWith("_")) {
				continue;
			}
			boolean written = local.uses().stream().anyMatch(u -> u.access() == NameUse.Access.WRITE);
			String message = switch (local.kind()) {
			case PARAMETER -> "unused argument '" + local.name() + "'; call it _ or _" + local.name()
					+ " if the function must take it";
			case FOR_VARIABLE -> "unused loop variable '" + local.name() + "'";
			case LOCAL_FUNCTION -> "unused function '" + local.name() + "'";
			default -> written ? "variable '" + local.name() + "' is assigned but its value is never read"
					: "unused variable '" + local.name() + "'";
			};
			if (local.kind() == LocalVariable.Kind.LOCAL_FUNCTION) {
				context.report(this, local.declaration(), LuaPackage.Literals.LOCAL_FUNCTION_DECLARATION__NAME, -1, local.name(), message);
			} else {
				context.report(this, local.declaration(), local.name(), message);
			}
		}
	}
}
