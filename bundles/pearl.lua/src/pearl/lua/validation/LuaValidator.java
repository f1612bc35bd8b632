package pearl.lua.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import pearl.lua.lua.Assignment;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;

/**
 * Checks the parts of Lua's syntax that the grammar leaves open because they are decided after a
 * shared prefix: a statement that starts with an expression must be a call or an assignment, and
 * only variables can be assigned.
 */
public class LuaValidator extends AbstractLuaValidator {

	/** Issue code of a statement that is neither a call nor an assignment. */
	public static final String NOT_A_STATEMENT = "syntax.notAStatement";

	/** Issue code of an assignment to something that is not a variable. */
	public static final String NOT_ASSIGNABLE = "syntax.notAssignable";

	@Check
	public void statementIsACall(ExpressionStatement statement) {
		EObject expression = statement.getExpression();
		if (!(expression instanceof FunctionCall || expression instanceof MethodCall)) {
			error("syntax error: this is an expression, not a statement (did you mean to call it or assign it?)",
					statement, LuaPackage.Literals.EXPRESSION_STATEMENT__EXPRESSION, NOT_A_STATEMENT);
		}
	}

	@Check
	public void targetsAreVariables(Assignment assignment) {
		for (int i = 0; i < assignment.getTargets().size(); i++) {
			EObject target = assignment.getTargets().get(i);
			if (!(target instanceof NameReference || target instanceof FieldAccess || target instanceof IndexAccess)) {
				error("syntax error: cannot assign to this expression; only a name, a field or an index can be assigned",
						assignment, LuaPackage.Literals.ASSIGNMENT__TARGETS, i, NOT_ASSIGNABLE);
			}
		}
	}
}
