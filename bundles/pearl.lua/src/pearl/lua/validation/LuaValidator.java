package pearl.lua.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.BreakStatement;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.VarArgs;
import pearl.lua.lua.WhileStatement;

/**
 * The rules of Lua 5.1's syntax that the grammar leaves to a second look, each reported where
 * {@code luac} reports it (most at the token after the construct, which Lua was reading when it
 * noticed): a statement that is neither a call nor an assignment, an assignment to something
 * that is not a variable, a call whose '(' starts a new line, '...' outside a vararg function,
 * and 'break' outside a loop.
 */
public class LuaValidator extends AbstractLuaValidator {

	/** Issue codes of syntax errors start with this; they are errors of the file, not lint. */
	public static final String SYNTAX = "syntax.";
	public static final String NOT_A_STATEMENT = SYNTAX + "notAStatement";
	public static final String NOT_ASSIGNABLE = SYNTAX + "notAssignable";
	public static final String AMBIGUOUS_CALL = SYNTAX + "ambiguousCall";
	public static final String VARARG_OUTSIDE_VARARG_FUNCTION = SYNTAX + "varargOutsideVarargFunction";
	public static final String BREAK_OUTSIDE_LOOP = SYNTAX + "breakOutsideLoop";

	@Check
	public void statementIsACall(ExpressionStatement statement) {
		EObject expression = statement.getExpression();
		if (!(expression instanceof FunctionCall || expression instanceof MethodCall)) {
			ILeafNode next = Tokens.after(statement);
			errorAt(next, statement, "syntax error: an expression is not a statement; call it or assign to it ('=' expected near '"
					+ Tokens.near(next) + "')", NOT_A_STATEMENT);
		}
	}

	@Check
	public void targetsAreVariables(Assignment assignment) {
		for (EObject target : assignment.getTargets()) {
			if (!(target instanceof NameReference || target instanceof FieldAccess || target instanceof IndexAccess)) {
				ILeafNode next = Tokens.after(target);
				errorAt(next, assignment, "syntax error: only a variable, a field or an index can be assigned (near '"
						+ Tokens.near(next) + "')", NOT_ASSIGNABLE);
				return;
			}
		}
	}

	@Check
	public void callArgumentsStartOnTheSameLine(Arguments arguments) {
		if (!(arguments.eContainer() instanceof FunctionCall)) {
			return;
		}
		ILeafNode open = Tokens.first(arguments);
		if (open == null || !"(".equals(open.getText())) {
			return;
		}
		ILeafNode previous = Tokens.before(open);
		if (previous != null && previous.getEndLine() != open.getStartLine()) {
			errorAt(open, arguments, "ambiguous syntax (function call x new statement): Lua 5.1 does not continue a call "
					+ "on a new line; put the '(' on the line of the function, or end the statement with ';'", AMBIGUOUS_CALL);
		}
	}

	@Check
	public void varargsOnlyInVarargFunctions(VarArgs varargs) {
		FunctionBody function = enclosingFunction(varargs);
		if (function != null && !function.isVarargs()) {
			errorAt(Tokens.first(varargs), varargs, "cannot use '...' outside a vararg function near '...'",
					VARARG_OUTSIDE_VARARG_FUNCTION);
		}
	}

	@Check
	public void breakInsideALoop(BreakStatement statement) {
		for (EObject container = statement.eContainer(); container != null && !(container instanceof FunctionBody);
				container = container.eContainer()) {
			if (container instanceof WhileStatement || container instanceof RepeatStatement || container instanceof NumericFor
					|| container instanceof GenericFor) {
				return;
			}
		}
		ILeafNode next = Tokens.after(statement);
		errorAt(next, statement, "no loop to break near '" + Tokens.near(next) + "'", BREAK_OUTSIDE_LOOP);
	}

	private static FunctionBody enclosingFunction(EObject object) {
		for (EObject container = object.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof FunctionBody body) {
				return body;
			}
		}
		return null;
	}

	/** Reports at {@code token}, or at the end of the file when there is none. */
	private void errorAt(ILeafNode token, EObject object, String message, String code) {
		if (token != null) {
			getMessageAcceptor().acceptError(message, object, token.getOffset(), token.getLength(), code);
		} else {
			ICompositeNode root = NodeModelUtils.findActualNodeFor(object).getRootNode();
			getMessageAcceptor().acceptError(message, object, root.getTotalEndOffset(), 0, code);
		}
	}
}
