package pearl.lua.lint.rules;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Calls;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.MethodCall;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * {@code callback-captures-owner}: a callback registered on an object ({@code sck:on("receive",
 * f)}, {@code srv:listen(80, f)}, {@code t:alarm(ms, mode, f)}, an mqtt client's {@code :on})
 * that reaches that same object through an upvalue instead of its parameter. The firmware keeps
 * the callback in the Lua registry; the callback keeps the object; neither is ever freed (the
 * FAQ's registry leak).
 */
public final class CallbackCapturesOwnerRule extends BasicRule {

	/** Methods that store a callback on their object, for objects whose type is not known. */
	private static final Set<String> REGISTERING = Set.of("on", "listen", "alarm", "register");

	public CallbackCapturesOwnerRule() {
		super("callback-captures-owner", Severity.WARNING,
				"a callback that keeps the object it is registered on alive through an upvalue");
	}

	@Override
	public void check(LintContext context) {
		for (EObject element : context.elements()) {
			if (!(element instanceof MethodCall call) || call.getArguments() == null || !registers(context, call)) {
				continue;
			}
			LocalVariable owner = Calls.receiverLocal(context, call);
			if (owner == null) {
				continue;
			}
			for (EObject argument : call.getArguments().getValues()) {
				if (argument instanceof FunctionExpression callback) {
					owner.uses().stream().filter(use -> isInside(use, callback)).findFirst()
							.ifPresent(use -> context.report(this, use, "this callback is registered on '" + owner.name()
									+ "' and uses '" + owner.name() + "' itself: the registry keeps the callback and the callback keeps '"
									+ owner.name() + "', so neither is ever freed; use the callback's own parameter instead"));
				}
			}
		}
	}

	/** Whether the call stores a callback on its receiver: known from the firmware, or by the method's name. */
	private static boolean registers(LintContext context, MethodCall call) {
		return context.objectTypeOf(call.getReceiver())
				.map(type -> type.method(call.getName()).map(m -> m.params().stream().anyMatch(p -> p.type().contains("function")))
						.orElse(false))
				.orElse(REGISTERING.contains(call.getName()));
	}

	private static boolean isInside(NameUse use, EObject callback) {
		for (EObject o = use.owner(); o != null; o = o.eContainer()) {
			if (o == callback) {
				return true;
			}
		}
		return false;
	}
}
