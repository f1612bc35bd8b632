package pearl.lua.lint;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lua.Arguments;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NumberLiteral;
import pearl.lua.lua.ParenthesizedExpression;
import pearl.lua.lua.StringLiteral;
import pearl.lua.lua.UnaryExpression;
import pearl.lua.lua.VarArgs;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeModel;

/** What the rules need to know about expressions without running them. */
public final class Expressions {

	private Expressions() {
	}

	/**
	 * The dotted path an expression names when it is a global followed by fields, such as
	 * {@code tmr.create} or {@code wifi.sta.config} ({@code t["x"]} counts as {@code t.x});
	 * empty for anything else, including a local that shadows a module's name.
	 */
	public static Optional<String> staticPath(EObject expression, ScopeModel scopes) {
		if (expression instanceof NameReference name) {
			NameUse use = scopes.useOf(name);
			return use != null && use.isGlobal() ? Optional.ofNullable(name.getName()) : Optional.empty();
		}
		if (expression instanceof FieldAccess field && field.getName() != null) {
			return staticPath(field.getTarget(), scopes).map(base -> base + "." + field.getName());
		}
		if (expression instanceof IndexAccess index && index.getKey() instanceof StringLiteral key && isName(key.getValue())) {
			return staticPath(index.getTarget(), scopes).map(base -> base + "." + key.getValue());
		}
		return Optional.empty();
	}

	private static boolean isName(String text) {
		return text != null && text.matches("[A-Za-z_][A-Za-z0-9_]*");
	}

	/** How many values a call passes: exactly, or at least (when the last argument may expand). */
	public record ArgumentCount(int count, boolean exact) {
	}

	/** Counts the arguments of a call; a final call or {@code ...} may pass any number of values. */
	public static ArgumentCount argumentCount(Arguments arguments) {
		if (arguments == null) {
			return new ArgumentCount(0, true);
		}
		List<? extends EObject> values = arguments.getValues();
		if (!values.isEmpty()) {
			EObject last = values.get(values.size() - 1);
			if (last instanceof FunctionCall || last instanceof MethodCall || last instanceof VarArgs) {
				return new ArgumentCount(values.size() - 1, false);
			}
		}
		return new ArgumentCount(values.size(), true);
	}

	/** The value of a numeric literal (possibly negated or parenthesized), if the expression is one. */
	public static Optional<Double> number(EObject expression) {
		if (expression instanceof ParenthesizedExpression parenthesized) {
			return number(parenthesized.getExpression());
		}
		if (expression instanceof UnaryExpression unary && "-".equals(unary.getOperator())) {
			return number(unary.getOperand()).map(v -> -v);
		}
		if (expression instanceof NumberLiteral literal && literal.getValue() != null) {
			try {
				String text = literal.getValue();
				return Optional.of(text.matches("0[xX][0-9a-fA-F]+") ? (double) Long.parseLong(text.substring(2), 16) : Double.parseDouble(text));
			} catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The text of a string literal argument, if the expression is one. */
	public static Optional<String> string(EObject expression) {
		return expression instanceof StringLiteral literal ? Optional.ofNullable(literal.getValue()) : Optional.empty();
	}
}
