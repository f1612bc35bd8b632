package pearl.lua.ide.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.ObjectEvent;
import pearl.lua.firmware.ObjectType;
import pearl.lua.firmware.Parameter;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.Calls;
import pearl.lua.lint.Expressions;
import pearl.lua.lint.LintContext;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.MethodCall;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * "Use the callback's own parameter" for {@code callback-captures-owner}: inside the callback, the
 * captured owner ({@code conn} in {@code conn:on("receive", function(sck, data) conn:send(...)
 * end)}) becomes the callback's first parameter, which the firmware passes as that same object,
 * as the NodeMCU FAQ advises. A callback without parameters gets one, named as the firmware data
 * names it ({@code timer}, {@code sock}, {@code client}). Offered only when the firmware says the
 * first argument is the owner itself (a server's {@code listen} callback gets a new connection
 * instead) and the owner is only read in the callback.
 */
final class OwnParameterFix {

	private OwnParameterFix() {
	}

	static Optional<QuickFix> of(FixSite site) {
		NameUse captured = site.document.nameUseAt(site.offset).filter(use -> use.local() != null).orElse(null);
		if (captured == null) {
			return Optional.empty();
		}
		LocalVariable owner = captured.local();
		LintContext queries = site.document.queries();
		FunctionExpression callback = registeredCallback(queries, captured.owner(), owner);
		if (callback == null || callback.getBody() == null) {
			return Optional.empty();
		}
		MethodCall registration = (MethodCall) callback.eContainer().eContainer();
		Optional<ObjectType> ownerType = queries.objectTypeOf(registration.getReceiver());
		Optional<ObjectType> argumentType = queries.callbackArgumentType(callback.getBody());
		if (ownerType.isEmpty() || argumentType.isEmpty() || !ownerType.get().name().equals(argumentType.get().name())) {
			return Optional.empty();
		}
		List<NameUse> inside = owner.uses().stream().filter(use -> isInside(use.owner(), callback)).toList();
		if (inside.stream().anyMatch(use -> use.access() == NameUse.Access.WRITE)) {
			return Optional.empty();
		}
		FunctionBody body = callback.getBody();
		List<TextEdit> edits = new ArrayList<>();
		String parameter;
		if (!body.getParameters().isEmpty()) {
			parameter = body.getParameters().get(0).getName();
			LocalVariable declared = site.document.scopes().localDeclaredBy(body.getParameters().get(0));
			boolean shadowedInside = site.document.scopes().locals().stream()
					.anyMatch(local -> local != declared && local.name().equals(parameter) && isInside(local.declaration(), callback));
			if (shadowedInside) {
				return Optional.empty();
			}
		} else {
			parameter = site.freshName(suggestedName(registration, callback, ownerType.get()));
			int open = site.range(body).offset() + 1; // a function body starts with its '('
			edits.add(new TextEdit(new TextRange(open, 0), body.isVarargs() ? parameter + ", " : parameter));
		}
		for (NameUse use : inside) {
			site.document.rangeOf(use).ifPresent(range -> edits.add(new TextEdit(range, parameter)));
		}
		return Optional.of(site.fix("Use the callback's own parameter '" + parameter + "' instead of '" + owner.name() + "'", edits, true));
	}

	/** The innermost callback around {@code element} that is registered on {@code owner} by a method call. */
	private static FunctionExpression registeredCallback(LintContext queries, EObject element, LocalVariable owner) {
		for (EObject o = element; o != null; o = o.eContainer()) {
			if (o instanceof FunctionExpression callback && callback.eContainer() instanceof Arguments arguments
					&& arguments.eContainer() instanceof MethodCall call && call.getArguments() == arguments
					&& Calls.receiverLocal(queries, call) == owner) {
				return callback;
			}
		}
		return null;
	}

	/**
	 * The firmware's name for the callback's first parameter: that of the event for
	 * {@code :on("event", fn)}, else that of the method's callback; else the type's own name.
	 */
	private static String suggestedName(MethodCall registration, FunctionExpression callback, ObjectType type) {
		List<? extends EObject> arguments = registration.getArguments().getValues();
		Optional<String> event = arguments.isEmpty() ? Optional.empty() : Expressions.string(arguments.get(0));
		Optional<List<String>> names = event.flatMap(type::event).map(ObjectEvent::params);
		if (names.isEmpty()) {
			int index = arguments.indexOf(callback);
			names = type.method(registration.getName()).map(method -> method.params())
					.filter(params -> index >= 0 && index < params.size()).map(params -> params.get(index)).map(Parameter::callback);
		}
		return names.filter(list -> !list.isEmpty()).map(list -> list.get(0))
				.orElse(type.name().substring(type.name().lastIndexOf('.') + 1));
	}

	private static boolean isInside(EObject element, EObject container) {
		for (EObject o = element; o != null; o = o.eContainer()) {
			if (o == container) {
				return true;
			}
		}
		return false;
	}
}
