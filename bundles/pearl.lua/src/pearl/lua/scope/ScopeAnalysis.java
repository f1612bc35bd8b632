package pearl.lua.scope;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.BinaryExpression;
import pearl.lua.lua.Block;
import pearl.lua.lua.Chunk;
import pearl.lua.lua.DoStatement;
import pearl.lua.lua.ElseIf;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.IfStatement;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.IndexedField;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.LocalFunctionDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NamedField;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.Parameter;
import pearl.lua.lua.ParenthesizedExpression;
import pearl.lua.lua.PositionalField;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.ReturnStatement;
import pearl.lua.lua.TableConstructor;
import pearl.lua.lua.UnaryExpression;
import pearl.lua.lua.WhileStatement;

/**
 * Binds every name of a chunk by Lua 5.1's scoping rules (§2.6): a local is visible from the
 * statement after its declaration to the end of its block ({@code local x = x} reads the outer
 * {@code x}); a {@code local function} sees itself; loop variables live in the loop's body; the
 * condition of {@code repeat ... until} sees the body's locals; a method has an implicit
 * {@code self}; every other name is a global.
 */
public final class ScopeAnalysis {

	private final List<LocalVariable> locals = new ArrayList<>();
	private final List<NameUse> uses = new ArrayList<>();
	/** Visible locals by name, innermost last; one map per open block. */
	private final Deque<Map<String, LocalVariable>> blocks = new ArrayDeque<>();
	private FunctionBody function;
	/** Active locals of the current function, as Lua 5.1 counts them against its limit of 200. */
	private int active;
	private final Deque<Integer> activeAtBlockStart = new ArrayDeque<>();
	private LimitViolation violation;

	/** Lua 5.1 allows at most this many active locals in one function (LUAI_MAXVARS). */
	public static final int MAX_LOCALS = 200;
	/** The hidden locals a for loop keeps: (for index), (for limit), (for step), or generator, state, control. */
	private static final int FOR_HIDDEN_LOCALS = 3;

	private ScopeAnalysis() {
	}

	/** Binds the names of {@code chunk}; a partial tree (after syntax errors) is bound as far as it goes. */
	public static ScopeModel analyze(Chunk chunk) {
		ScopeAnalysis analysis = new ScopeAnalysis();
		if (chunk != null && chunk.getBlock() != null) {
			analysis.block(chunk.getBlock());
		}
		return new ScopeModel(analysis.locals, analysis.uses, analysis.violation);
	}

	private void block(Block block) {
		if (block == null) {
			return;
		}
		openBlock();
		statements(block);
		closeBlock();
	}

	private void statements(Block block) {
		for (EObject statement : block.getStatements()) {
			statement(statement);
		}
		if (block.getLast() instanceof ReturnStatement ret) {
			ret.getValues().forEach(this::expression);
		}
	}

	private void statement(EObject statement) {
		if (statement instanceof LocalDeclaration local) {
			local.getValues().forEach(this::expression);
			for (LocalName name : local.getNames()) {
				declare(name.getName(), LocalVariable.Kind.LOCAL, name);
			}
		} else if (statement instanceof LocalFunctionDeclaration local) {
			declare(local.getName(), LocalVariable.Kind.LOCAL_FUNCTION, local);
			functionBody(local.getBody(), null);
		} else if (statement instanceof FunctionDeclaration declaration) {
			functionDeclaration(declaration);
		} else if (statement instanceof Assignment assignment) {
			assignment.getValues().forEach(this::expression);
			for (EObject target : assignment.getTargets()) {
				if (target instanceof NameReference name) {
					use(name.getName(), NameUse.Access.WRITE, name, LuaPackage.Literals.NAME_REFERENCE__NAME, -1);
				} else {
					expression(target);
				}
			}
		} else if (statement instanceof ExpressionStatement expression) {
			expression(expression.getExpression());
		} else if (statement instanceof IfStatement ifStatement) {
			expression(ifStatement.getCondition());
			block(ifStatement.getThen());
			for (ElseIf elseIf : ifStatement.getElseIfs()) {
				expression(elseIf.getCondition());
				block(elseIf.getThen());
			}
			block(ifStatement.getElse());
		} else if (statement instanceof WhileStatement loop) {
			expression(loop.getCondition());
			block(loop.getBlock());
		} else if (statement instanceof RepeatStatement loop) {
			openBlock();
			if (loop.getBlock() != null) {
				statements(loop.getBlock());
			}
			expression(loop.getCondition()); // sees the body's locals
			closeBlock();
		} else if (statement instanceof NumericFor loop) {
			expression(loop.getStart());
			expression(loop.getLimit());
			expression(loop.getStep());
			openBlock();
			active += FOR_HIDDEN_LOCALS;
			if (loop.getVariable() != null) {
				declare(loop.getVariable().getName(), LocalVariable.Kind.FOR_VARIABLE, loop.getVariable());
			}
			block(loop.getBlock());
			closeBlock();
		} else if (statement instanceof GenericFor loop) {
			loop.getValues().forEach(this::expression);
			openBlock();
			active += FOR_HIDDEN_LOCALS;
			for (LocalName name : loop.getNames()) {
				declare(name.getName(), LocalVariable.Kind.FOR_VARIABLE, name);
			}
			block(loop.getBlock());
			closeBlock();
		} else if (statement instanceof DoStatement doStatement) {
			block(doStatement.getBlock());
		}
	}

	private void functionDeclaration(FunctionDeclaration declaration) {
		if (declaration.getName() == null || declaration.getName().getPath().isEmpty()) {
			functionBody(declaration.getBody(), null);
			return;
		}
		List<String> path = declaration.getName().getPath();
		boolean plainName = path.size() == 1 && declaration.getName().getMethod() == null;
		// `function f()` assigns f; `function a.b()` and `function a:m()` read a
		use(path.get(0), plainName ? NameUse.Access.WRITE : NameUse.Access.READ, declaration.getName(),
				LuaPackage.Literals.FUNCTION_NAME__PATH, 0);
		functionBody(declaration.getBody(), declaration.getName().getMethod() != null ? declaration : null);
	}

	/** A function's own scope: {@code self} for a method, its parameters, its body. */
	private void functionBody(FunctionBody body, FunctionDeclaration method) {
		if (body == null) {
			return;
		}
		FunctionBody outer = function;
		int outerActive = active;
		function = body;
		active = 0;
		openBlock();
		if (method != null) {
			declare("self", LocalVariable.Kind.SELF, method);
		}
		for (Parameter parameter : body.getParameters()) {
			declare(parameter.getName(), LocalVariable.Kind.PARAMETER, parameter);
		}
		block(body.getBlock());
		closeBlock();
		function = outer;
		active = outerActive;
	}

	private void expression(EObject expression) {
		if (expression == null) {
			return;
		}
		if (expression instanceof NameReference name) {
			use(name.getName(), NameUse.Access.READ, name, LuaPackage.Literals.NAME_REFERENCE__NAME, -1);
		} else if (expression instanceof FunctionExpression function) {
			functionBody(function.getBody(), null);
		} else if (expression instanceof BinaryExpression binary) {
			expression(binary.getLeft());
			expression(binary.getRight());
		} else if (expression instanceof UnaryExpression unary) {
			expression(unary.getOperand());
		} else if (expression instanceof ParenthesizedExpression parenthesized) {
			expression(parenthesized.getExpression());
		} else if (expression instanceof FieldAccess field) {
			expression(field.getTarget());
		} else if (expression instanceof IndexAccess index) {
			expression(index.getTarget());
			expression(index.getKey());
		} else if (expression instanceof MethodCall call) {
			expression(call.getReceiver());
			arguments(call.getArguments());
		} else if (expression instanceof FunctionCall call) {
			expression(call.getFunction());
			arguments(call.getArguments());
		} else if (expression instanceof TableConstructor table) {
			for (EObject field : table.getFields()) {
				if (field instanceof IndexedField indexed) {
					expression(indexed.getKey());
					expression(indexed.getValue());
				} else if (field instanceof NamedField named) {
					expression(named.getValue());
				} else if (field instanceof PositionalField positional) {
					expression(positional.getValue());
				}
			}
		}
	}

	private void arguments(Arguments arguments) {
		if (arguments != null) {
			arguments.getValues().forEach(this::expression);
		}
	}

	private void openBlock() {
		blocks.push(new HashMap<>());
		activeAtBlockStart.push(active);
	}

	private void closeBlock() {
		blocks.pop();
		active = activeAtBlockStart.pop();
	}

	private void declare(String name, LocalVariable.Kind kind, EObject declaration) {
		if (name == null) {
			return;
		}
		if (++active > MAX_LOCALS && violation == null) {
			violation = new LimitViolation(declaration, function, "local variables", MAX_LOCALS);
		}
		LocalVariable local = new LocalVariable(name, kind, declaration, function, visible(name));
		locals.add(local);
		blocks.peek().put(name, local);
	}

	private LocalVariable visible(String name) {
		for (Map<String, LocalVariable> block : blocks) { // innermost first
			LocalVariable local = block.get(name);
			if (local != null) {
				return local;
			}
		}
		return null;
	}

	private void use(String name, NameUse.Access access, EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature, int index) {
		if (name == null) {
			return;
		}
		LocalVariable local = visible(name);
		NameUse use = new NameUse(name, access, owner, feature, index, local, function);
		uses.add(use);
		if (local != null) {
			local.addUse(use);
		}
	}
}
