package pearl.lua.lint.rules;

import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.LookupResult;
import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Expressions;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.MethodCall;

/**
 * {@code arity}: a call to a firmware function or method with fewer arguments than it needs or
 * more than it takes. A call whose last argument is itself a call or {@code ...} is checked only
 * against what it surely passes.
 */
public final class ArityRule extends BasicRule {

	public ArityRule() {
		super("arity", Severity.WARNING, "a firmware function called with the wrong number of arguments");
	}

	@Override
	public void check(LintContext context) {
		for (EObject object : context.elements()) {
			if (object instanceof FunctionCall call && !RemovedApiRule.isOldCreateServer(call, context)) {
				Optional<LookupResult> result = context.lookup(call.getFunction());
				if (result.isPresent() && result.get() instanceof LookupResult.Function function) {
					check(context, call, call.getArguments(), function.function(), function.path());
				}
			} else if (object instanceof MethodCall call && call.getName() != null) {
				context.objectTypeOf(call.getReceiver()).flatMap(type -> type.method(call.getName()))
						.ifPresent(method -> check(context, call, call.getArguments(), method, ":" + call.getName()));
			}
		}
	}

	private void check(LintContext context, EObject call, Arguments arguments, FirmwareFunction function, String name) {
		Expressions.ArgumentCount count = Expressions.argumentCount(arguments);
		OptionalInt max = function.maxArgs();
		boolean tooFew = count.exact() && count.count() < function.minArgs();
		boolean tooMany = max.isPresent() && count.count() > max.getAsInt();
		if (tooFew || tooMany) {
			String expected = max.isEmpty() ? "at least " + function.minArgs()
					: function.minArgs() == max.getAsInt() ? String.valueOf(max.getAsInt()) : function.minArgs() + " to " + max.getAsInt();
			context.report(this, call, name, name + " takes " + expected + " argument" + (expected.equals("1") ? "" : "s")
					+ " (" + function.signature() + "), not " + count.count());
		}
	}
}
