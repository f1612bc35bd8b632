package pearl.lua.ide.completion;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.ide.completion.CaretContext.Call;
import pearl.lua.ide.completion.CaretContext.Field;
import pearl.lua.ide.completion.CaretContext.MethodCall;
import pearl.lua.ide.completion.CaretContext.Name;
import pearl.lua.ide.completion.CaretContext.Step;
import pearl.lua.ide.completion.CaretContext.StringValue;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.Expressions;
import pearl.lua.lua.BinaryExpression;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.ParenthesizedExpression;
import pearl.lua.lua.StringLiteral;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * What the expression before a {@code .} or {@code :} is, as far as completion can tell: a
 * firmware path ({@code wifi.sta}), a firmware object ({@code tmr.timer}), a string, or unknown.
 */
sealed interface ReceiverValue {

	/** A global-rooted dotted path such as {@code tmr} or {@code wifi.sta}, to look up in the firmware. */
	record Path(String path) implements ReceiverValue {
	}

	/** A firmware object such as a timer or a socket. */
	record FirmwareObject(ObjectType type) implements ReceiverValue {
	}

	/** A Lua string: its methods are the string library's. */
	record Text() implements ReceiverValue {
	}

	/** Nothing known. */
	record Unknown() implements ReceiverValue {
	}

	/** Resolves the steps of a receiver at the caret. */
	static ReceiverValue of(List<Step> steps, LuaDocument document, VisibleLocals locals) {
		if (steps.isEmpty()) {
			return new Unknown();
		}
		ReceiverValue value = first(steps.get(0), document, locals);
		for (Step step : steps.subList(1, steps.size())) {
			value = next(value, step, document.firmware());
		}
		return value;
	}

	private static ReceiverValue first(Step step, LuaDocument document, VisibleLocals locals) {
		if (step instanceof StringValue) {
			return new Text();
		}
		String name = ((Name) step).name();
		Optional<LocalVariable> local = locals.named(name);
		if (local.isEmpty()) {
			// only a global the file sets can hold an object (`srv = net.createServer()`)
			boolean set = document.scopes().globalUses().stream().anyMatch(u -> u.access() == NameUse.Access.WRITE && name.equals(u.name()));
			Optional<ObjectType> type = set ? document.queries().objectTypeOfGlobal(name) : Optional.empty();
			return type.isPresent() ? new FirmwareObject(type.get()) : new Path(name);
		}
		Optional<ObjectType> type = document.queries().objectTypeOf(local.get());
		if (type.isPresent()) {
			return new FirmwareObject(type.get());
		}
		EObject value = declaredValue(local.get());
		if (isString(value, document)) {
			return new Text();
		}
		// `local sta = wifi.sta` makes `sta.` complete like `wifi.sta.`
		return value == null ? new Unknown()
				: Expressions.staticPath(value, document.scopes()).<ReceiverValue>map(Path::new).orElse(new Unknown());
	}

	private static ReceiverValue next(ReceiverValue value, Step step, FirmwareModel firmware) {
		if (step instanceof Field field) {
			return value instanceof Path path ? new Path(path.path() + "." + field.name()) : new Unknown();
		}
		if (step instanceof Call) {
			if (value instanceof Path path && firmware.lookup(path.path()) instanceof LookupResult.Function function) {
				return returned(function.function(), firmware);
			}
			return new Unknown();
		}
		if (step instanceof MethodCall method) {
			if (value instanceof FirmwareObject object) {
				return object.type().method(method.name()).map(f -> returned(f, firmware)).orElse(new Unknown());
			}
			if (value instanceof Text) {
				return stringLibrary(firmware).flatMap(library -> library.function(method.name())).map(f -> returned(f, firmware))
						.orElse(new Unknown());
			}
		}
		return new Unknown();
	}

	/** What a firmware function's first result is. */
	private static ReceiverValue returned(FirmwareFunction function, FirmwareModel firmware) {
		if (function.returns().isEmpty()) {
			return new Unknown();
		}
		String type = function.returns().get(0);
		if (type.equals("string")) {
			return new Text();
		}
		return firmware.objectType(type).<ReceiverValue>map(FirmwareObject::new).orElse(new Unknown());
	}

	/** The string library as the data file describes it. */
	static Optional<FirmwareTable> stringLibrary(FirmwareModel firmware) {
		return Optional.ofNullable(firmware.libraries().get("string"));
	}

	/** The expression a {@code local} declaration gives the local, or null. */
	private static EObject declaredValue(LocalVariable local) {
		if (local.kind() == LocalVariable.Kind.LOCAL && local.declaration() instanceof LocalName name
				&& name.eContainer() instanceof LocalDeclaration declaration) {
			int index = declaration.getNames().indexOf(name);
			return index < declaration.getValues().size() ? declaration.getValues().get(index) : null;
		}
		return null;
	}

	/** A string literal, a concatenation, or a call of a firmware function that returns a string. */
	private static boolean isString(EObject value, LuaDocument document) {
		if (value instanceof ParenthesizedExpression parenthesized) {
			return isString(parenthesized.getExpression(), document);
		}
		if (value instanceof StringLiteral) {
			return true;
		}
		if (value instanceof BinaryExpression binary) {
			return "..".equals(binary.getOperator());
		}
		if (value instanceof FunctionCall call) {
			return document.queries().lookup(call.getFunction()).filter(LookupResult.Function.class::isInstance)
					.map(r -> ((LookupResult.Function) r).function().returns())
					.filter(returns -> !returns.isEmpty() && returns.get(0).equals("string")).isPresent();
		}
		return false;
	}
}
