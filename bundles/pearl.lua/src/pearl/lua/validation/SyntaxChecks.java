package pearl.lua.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.BreakStatement;
import pearl.lua.lua.Chunk;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.LocalFunctionDeclaration;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.VarArgs;
import pearl.lua.lua.WhileStatement;
import pearl.lua.scope.LimitViolation;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeAnalysis;
import pearl.lua.scope.ScopeModel;

/**
 * The rules of Lua 5.1's syntax that the grammar leaves to a second look, each reported where
 * {@code luac} reports it (most at the token after the construct, which Lua was reading when it
 * noticed): a statement that is neither a call nor an assignment, an assignment to something
 * that is not a variable, a call whose '(' starts a new line, '...' outside a vararg function,
 * and 'break' outside a loop. Used by the Xtext validator (editor) and directly by
 * {@code LuaSources} (command line), which needs no other validation.
 */
public final class SyntaxChecks {

	/** Receives an error: where (offset and length in the text), what, and its issue code. */
	public interface Acceptor {
		void error(EObject object, int offset, int length, String message, String code);
	}

	/** Issue codes of syntax errors start with this; they are errors of the file, not lint. */
	public static final String SYNTAX = "syntax.";
	public static final String NOT_A_STATEMENT = SYNTAX + "notAStatement";
	public static final String NOT_ASSIGNABLE = SYNTAX + "notAssignable";
	public static final String AMBIGUOUS_CALL = SYNTAX + "ambiguousCall";
	public static final String VARARG_OUTSIDE_VARARG_FUNCTION = SYNTAX + "varargOutsideVarargFunction";
	public static final String BREAK_OUTSIDE_LOOP = SYNTAX + "breakOutsideLoop";
	public static final String TOO_MANY_LOCALS = SYNTAX + "tooManyLocals";
	public static final String TOO_MANY_UPVALUES = SYNTAX + "tooManyUpvalues";
	public static final String TOO_MANY_LEVELS = SYNTAX + "tooManyLevels";

	private SyntaxChecks() {
	}

	/** Checks one element of the tree; elements no rule is about are passed over. */
	public static void check(EObject object, Acceptor acceptor) {
		if (object instanceof Chunk chunk) {
			limits(chunk, ScopeAnalysis.analyze(chunk), acceptor);
		} else if (object instanceof ExpressionStatement statement) {
			statementIsACall(statement, acceptor);
		} else if (object instanceof Assignment assignment) {
			targetsAreVariables(assignment, acceptor);
		} else if (object instanceof Arguments arguments) {
			callArgumentsStartOnTheSameLine(arguments, acceptor);
		} else if (object instanceof VarArgs varargs) {
			varargsOnlyInVarargFunctions(varargs, acceptor);
		} else if (object instanceof BreakStatement statement) {
			breakInsideALoop(statement, acceptor);
		}
	}

	/**
	 * At most 200 active locals in a function (LUAI_MAXVARS); luac reports the one over at the
	 * token after its name.
	 */
	public static void limits(Chunk chunk, ScopeModel scopes, Acceptor acceptor) {
		SyntaxLevels levels = SyntaxLevels.of(chunk.getBlock());
		if (levels.isOver()) {
			errorAt(levels.offender(), chunk, "chunk has too many syntax levels", TOO_MANY_LEVELS, acceptor);
		}
		upvaluesWithinLimit(scopes, acceptor);
		LimitViolation violation = scopes.limitViolation();
		if (violation == null) {
			return;
		}
		EObject declaration = violation.declaration();
		ILeafNode next; // the token after the name: for a local function or a method's self, the '(' of the body
		if (declaration instanceof LocalFunctionDeclaration local) {
			next = Tokens.first(local.getBody());
		} else if (declaration instanceof FunctionDeclaration method) {
			next = Tokens.first(method.getBody());
		} else {
			next = Tokens.after(declaration);
		}
		String where = violation.function() == null ? "main function"
				: "function at line " + (Tokens.first(violation.function()) == null ? 0 : Tokens.first(violation.function()).getStartLine());
		errorAt(next, declaration, where + " has more than " + violation.limit() + " " + violation.what(), TOO_MANY_LOCALS, acceptor);
	}

	/** LUAI_MAXUPVALUES: at most 60 upvalues per function. */
	static final int MAX_UPVALUES = 60;

	/**
	 * At most 60 upvalues in a function. Lua gives a function an upvalue the first time a name in
	 * it, or in a function nested in it, reaches a local outside it; the outermost function
	 * concerned gets it first. luac reports the one over the limit at the token after that name.
	 */
	static void upvaluesWithinLimit(ScopeModel scopes, Acceptor acceptor) {
		List<NameUse> reaching = new ArrayList<>();
		Map<NameUse, INode> nodes = new IdentityHashMap<>();
		for (NameUse use : scopes.uses()) {
			if (use.local() != null && use.function() != use.local().function()) {
				List<INode> found = NodeModelUtils.findNodesForFeature(use.owner(), use.feature());
				if (!found.isEmpty()) {
					nodes.put(use, found.get(Math.max(0, use.index())));
					reaching.add(use);
				}
			}
		}
		reaching.sort(Comparator.comparingInt(use -> nodes.get(use).getOffset()));
		Map<FunctionBody, Set<LocalVariable>> upvalues = new IdentityHashMap<>();
		for (NameUse use : reaching) {
			List<FunctionBody> chain = new ArrayList<>();
			for (FunctionBody f = use.function(); f != null && f != use.local().function(); f = enclosingFunction(f)) {
				chain.add(0, f); // outermost first
			}
			for (FunctionBody function : chain) {
				Set<LocalVariable> set = upvalues.computeIfAbsent(function, f -> Collections.newSetFromMap(new IdentityHashMap<>()));
				if (set.add(use.local()) && set.size() > MAX_UPVALUES) {
					ILeafNode first = Tokens.first(function);
					errorAt(Tokens.after(nodes.get(use)), use.owner(), "function at line " + (first == null ? 0 : first.getStartLine())
							+ " has more than " + MAX_UPVALUES + " upvalues", TOO_MANY_UPVALUES, acceptor);
					return;
				}
			}
		}
	}

	private static FunctionBody enclosingFunction(EObject object) {
		for (EObject container = object.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof FunctionBody body) {
				return body;
			}
		}
		return null;
	}

	static void statementIsACall(ExpressionStatement statement, Acceptor acceptor) {
		EObject expression = statement.getExpression();
		if (!(expression instanceof FunctionCall || expression instanceof MethodCall)) {
			ILeafNode next = Tokens.after(statement);
			errorAt(next, statement, "syntax error: an expression is not a statement; call it or assign to it ('=' expected near '"
					+ Tokens.near(next) + "')", NOT_A_STATEMENT, acceptor);
		}
	}

	static void targetsAreVariables(Assignment assignment, Acceptor acceptor) {
		for (EObject target : assignment.getTargets()) {
			if (!(target instanceof NameReference || target instanceof FieldAccess || target instanceof IndexAccess)) {
				ILeafNode next = Tokens.after(target);
				errorAt(next, assignment, "syntax error: only a variable, a field or an index can be assigned (near '"
						+ Tokens.near(next) + "')", NOT_ASSIGNABLE, acceptor);
				return;
			}
		}
	}

	static void callArgumentsStartOnTheSameLine(Arguments arguments, Acceptor acceptor) {
		if (!(arguments.eContainer() instanceof FunctionCall call)) {
			return;
		}
		ILeafNode open = Tokens.first(arguments);
		if (open == null || !"(".equals(open.getText())) {
			return;
		}
		ILeafNode previous = Tokens.last(call.getFunction()); // the token just before '('
		if (previous != null && previous.getEndLine() != open.getStartLine()) {
			errorAt(open, arguments, "ambiguous syntax (function call x new statement): Lua 5.1 does not continue a call "
					+ "on a new line; put the '(' on the line of the function, or end the statement with ';'", AMBIGUOUS_CALL, acceptor);
		}
	}

	static void varargsOnlyInVarargFunctions(VarArgs varargs, Acceptor acceptor) {
		for (EObject container = varargs.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof FunctionBody function) {
				if (!function.isVarargs()) {
					errorAt(Tokens.first(varargs), varargs, "cannot use '...' outside a vararg function near '...'",
							VARARG_OUTSIDE_VARARG_FUNCTION, acceptor);
				}
				return;
			}
		}
	}

	static void breakInsideALoop(BreakStatement statement, Acceptor acceptor) {
		for (EObject container = statement.eContainer(); container != null && !(container instanceof FunctionBody);
				container = container.eContainer()) {
			if (container instanceof WhileStatement || container instanceof RepeatStatement || container instanceof NumericFor
					|| container instanceof GenericFor) {
				return;
			}
		}
		ILeafNode next = Tokens.after(statement);
		errorAt(next, statement, "no loop to break near '" + Tokens.near(next) + "'", BREAK_OUTSIDE_LOOP, acceptor);
	}

	/** Reports at {@code token}, or at the end of the file when there is none. */
	private static void errorAt(ILeafNode token, EObject object, String message, String code, Acceptor acceptor) {
		if (token != null) {
			acceptor.error(object, token.getOffset(), token.getLength(), message, code);
		} else {
			ICompositeNode root = NodeModelUtils.findActualNodeFor(object).getRootNode();
			acceptor.error(object, root.getTotalEndOffset(), 0, message, code);
		}
	}
}
