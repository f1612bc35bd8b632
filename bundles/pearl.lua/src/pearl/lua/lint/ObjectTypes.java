package pearl.lua.lint;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.ParenthesizedExpression;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * Which firmware object a value is, as far as a glance can tell: the result of a firmware call
 * that returns an object ({@code tmr.create()} gives a {@code tmr.timer}), a variable set once
 * from such a call, and the first parameter of a callback registered on an object (a timer's
 * callback gets the timer; a server's connection callback gets the new socket).
 */
final class ObjectTypes {

	/** The type a server's {@code listen} callback receives: the connection, not the server. */
	private static final Map<String, String> CALLBACK_RECEIVES = Map.of("net.tcpserver", "net.tcpsocket");

	private final LintContext context;
	private final Map<EObject, Optional<ObjectType>> cache = new IdentityHashMap<>();

	ObjectTypes(LintContext context) {
		this.context = context;
	}

	Optional<ObjectType> of(EObject expression) {
		Optional<ObjectType> known = cache.get(expression);
		if (known == null) {
			cache.put(expression, Optional.empty()); // guards against cycles such as `local t = t`
			known = compute(expression);
			cache.put(expression, known);
		}
		return known;
	}

	private Optional<ObjectType> compute(EObject expression) {
		if (expression instanceof ParenthesizedExpression parenthesized) {
			return of(parenthesized.getExpression());
		}
		if (expression instanceof FunctionCall call) {
			return context.lookup(call.getFunction()).flatMap(ObjectTypes::function).flatMap(this::returned);
		}
		if (expression instanceof MethodCall call) {
			return of(call.getReceiver()).flatMap(type -> type.method(call.getName())).flatMap(this::returned);
		}
		if (expression instanceof NameReference name) {
			NameUse use = context.scopes().useOf(name);
			if (use == null) {
				return Optional.empty();
			}
			return use.isGlobal() ? globalValue(use.name()) : localValue(use.local());
		}
		return Optional.empty();
	}

	private static Optional<FirmwareFunction> function(LookupResult result) {
		return result instanceof LookupResult.Function function ? Optional.of(function.function()) : Optional.empty();
	}

	private Optional<ObjectType> returned(FirmwareFunction function) {
		return function.returns().isEmpty() ? Optional.empty() : context.firmware().objectType(function.returns().get(0));
	}

	/** A local's type: that of its only value, or the object its callback is registered on. */
	Optional<ObjectType> localValue(LocalVariable local) {
		if (local.uses().stream().anyMatch(u -> u.access() == NameUse.Access.WRITE)) {
			return Optional.empty(); // reassigned: no single value to go by
		}
		if (local.kind() == LocalVariable.Kind.LOCAL && local.declaration() instanceof LocalName name
				&& name.eContainer() instanceof LocalDeclaration declaration) {
			int index = declaration.getNames().indexOf(name);
			return index < declaration.getValues().size() ? of(declaration.getValues().get(index)) : Optional.empty();
		}
		if (local.kind() == LocalVariable.Kind.PARAMETER && local.function() != null
				&& local.function().getParameters().indexOf(local.declaration()) == 0) {
			return callbackOwner(local.function());
		}
		return Optional.empty();
	}

	/** What a callback registered on an object gets as its first argument: the object, or what its type hands out. */
	Optional<ObjectType> callbackOwner(FunctionBody function) {
		if (function.eContainer() instanceof FunctionExpression callback && callback.eContainer() instanceof Arguments arguments
				&& arguments.eContainer() instanceof MethodCall registration) {
			return of(registration.getReceiver()).flatMap(owner -> {
				String received = CALLBACK_RECEIVES.get(owner.name());
				return received == null ? Optional.of(owner) : context.firmware().objectType(received);
			});
		}
		return Optional.empty();
	}

	/** A global's type: that of its value when the file sets it exactly once. */
	Optional<ObjectType> globalValue(String name) {
		List<NameUse> writes = context.scopes().globalUses().stream()
				.filter(u -> u.name().equals(name) && u.access() == NameUse.Access.WRITE).toList();
		if (writes.size() != 1 || !(writes.get(0).owner() instanceof NameReference target)
				|| !(target.eContainer() instanceof Assignment assignment)) {
			return Optional.empty();
		}
		int index = assignment.getTargets().indexOf(target);
		return index < assignment.getValues().size() ? of(assignment.getValues().get(index)) : Optional.empty();
	}
}
