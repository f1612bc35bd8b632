package pearl.lua.lint.rules;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.scope.LocalVariable;

/**
 * {@code shadowed-local}: a local that hides another visible local of the same name, in the same
 * scope or an outer one (luacheck's W411, W421, W431). The two are easy to mix up, and in a
 * callback the hidden one may be the upvalue that was meant.
 */
public final class ShadowedLocalRule extends BasicRule {

	public ShadowedLocalRule() {
		super("shadowed-local", Severity.WARNING, "a local that hides another local of the same name");
	}


	/**
	 * {@code sck:on("receive", function(sck, data) ... end)}: the parameter hides the socket on
	 * purpose, so the callback cannot keep it alive (the FAQ's advice); that is not a mistake.
	 */
	private static boolean namesTheCallbacksOwner(LocalVariable parameter, LocalVariable hidden) {
		if (parameter.kind() != LocalVariable.Kind.PARAMETER || parameter.function() == null
				|| !(parameter.function().eContainer() instanceof FunctionExpression callback)
				|| !(callback.eContainer() instanceof Arguments arguments) || !(arguments.eContainer() instanceof MethodCall call)) {
			return false;
		}
		return call.getReceiver() instanceof NameReference receiver && hidden.uses().stream().anyMatch(u -> u.owner() == receiver);
	}

	@Override
	public void check(LintContext context) {
		for (LocalVariable local : context.scopes().locals()) {
			LocalVariable hidden = local.shadowed();
			if (hidden == null || local.name().startsWith("_") || local.kind() == LocalVariable.Kind.SELF
					|| namesTheCallbacksOwner(local, hidden)) {
				continue;
			}
			INode node = NodeModelUtils.findActualNodeFor(hidden.declaration());
			String where = node == null ? "" : " on line " + node.getStartLine();
			String what = hidden.function() != local.function() ? "upvalue" : "local";
			String message = "'" + local.name() + "' hides the " + what + " '" + hidden.name() + "' declared" + where;
			if (local.kind() == LocalVariable.Kind.LOCAL_FUNCTION) {
				context.report(this, local.declaration(), LuaPackage.Literals.LOCAL_FUNCTION_DECLARATION__NAME, -1, local.name(), message);
			} else {
				context.report(this, local.declaration(), local.name(), message);
			}
		}
	}
}
