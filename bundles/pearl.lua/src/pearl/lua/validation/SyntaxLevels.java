package pearl.lua.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;

import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.BinaryExpression;
import pearl.lua.lua.Block;
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
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NamedField;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.ParenthesizedExpression;
import pearl.lua.lua.PositionalField;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.ReturnStatement;
import pearl.lua.lua.TableConstructor;
import pearl.lua.lua.UnaryExpression;
import pearl.lua.lua.WhileStatement;

/**
 * Lua 5.1's "chunk has too many syntax levels": its parser counts nested calls (LUAI_MAXCCALLS,
 * 200) as it enters every block and every subexpression, and luac starts one level in. Walks the
 * tree the way the parser recurses (a left-associative chain stays on one level, the right
 * operand of each operator, a unary operand, a parenthesized expression, every argument and
 * table field go one deeper) and finds where the count first goes over: a long chain of {@code ..}
 * is the likeliest way to meet it in NodeMCU code.
 */
final class SyntaxLevels {

	private static final int LIMIT = 200;
	/** luac's own call into the parser. */
	private static final int START = 1;

	/** The token Lua was reading when it went over, or null; found is true once it went over. */
	private ILeafNode offender;
	private boolean found;

	/** The token at which {@code chunk}'s nesting first goes over the limit, or null. */
	static SyntaxLevels of(Block chunkBlock) {
		SyntaxLevels levels = new SyntaxLevels();
		levels.block(chunkBlock, START + 1, null);
		return levels;
	}

	boolean isOver() {
		return found;
	}

	ILeafNode offender() {
		return offender;
	}

	private boolean over(int level, EObject entered, EObject container) {
		if (found) {
			return true;
		}
		if (level <= LIMIT) {
			return false;
		}
		found = true;
		offender = entered == null ? null : Tokens.first(entered);
		if (offender == null && container != null) {
			offender = Tokens.last(container); // an empty block: Lua was reading what closes it
		}
		return true;
	}

	private void block(Block block, int level, EObject container) {
		if (block == null || over(level, block, container)) {
			return;
		}
		for (EObject statement : block.getStatements()) {
			statement(statement, level);
		}
		if (block.getLast() instanceof ReturnStatement ret) {
			ret.getValues().forEach(value -> expression(value, level + 1));
		}
	}

	private void statement(EObject statement, int level) {
		if (statement instanceof LocalDeclaration local) {
			local.getValues().forEach(value -> expression(value, level + 1));
		} else if (statement instanceof LocalFunctionDeclaration local) {
			body(local.getBody(), level);
		} else if (statement instanceof FunctionDeclaration declaration) {
			body(declaration.getBody(), level);
		} else if (statement instanceof Assignment assignment) {
			assignment.getTargets().forEach(target -> inner(target, level));
			assignment.getValues().forEach(value -> expression(value, level + 1));
		} else if (statement instanceof ExpressionStatement expression) {
			inner(expression.getExpression(), level);
		} else if (statement instanceof IfStatement ifStatement) {
			expression(ifStatement.getCondition(), level + 1);
			block(ifStatement.getThen(), level + 1, ifStatement);
			for (ElseIf elseIf : ifStatement.getElseIfs()) {
				expression(elseIf.getCondition(), level + 1);
				block(elseIf.getThen(), level + 1, elseIf);
			}
			block(ifStatement.getElse(), level + 1, ifStatement);
		} else if (statement instanceof WhileStatement loop) {
			expression(loop.getCondition(), level + 1);
			block(loop.getBlock(), level + 1, loop);
		} else if (statement instanceof RepeatStatement loop) {
			block(loop.getBlock(), level + 1, loop);
			expression(loop.getCondition(), level + 1);
		} else if (statement instanceof NumericFor loop) {
			expression(loop.getStart(), level + 1);
			expression(loop.getLimit(), level + 1);
			expression(loop.getStep(), level + 1);
			block(loop.getBlock(), level + 1, loop);
		} else if (statement instanceof GenericFor loop) {
			loop.getValues().forEach(value -> expression(value, level + 1));
			block(loop.getBlock(), level + 1, loop);
		} else if (statement instanceof DoStatement doStatement) {
			block(doStatement.getBlock(), level + 1, doStatement);
		}
	}

	private void body(FunctionBody body, int level) {
		if (body != null) {
			block(body.getBlock(), level + 1, body);
		}
	}

	/** An expression Lua parses with a fresh subexpr call: one level deeper than {@code level - 1}. */
	private void expression(EObject expression, int level) {
		if (expression != null && !over(level, expression, null)) {
			inner(expression, level);
		}
	}

	/** An expression parsed as part of the subexpr (or statement) already at {@code level}. */
	private void inner(EObject expression, int level) {
		if (expression instanceof BinaryExpression binary) {
			inner(binary.getLeft(), level); // a left-associative chain stays on its level
			expression(binary.getRight(), level + 1);
		} else if (expression instanceof UnaryExpression unary) {
			expression(unary.getOperand(), level + 1);
		} else if (expression instanceof ParenthesizedExpression parenthesized) {
			expression(parenthesized.getExpression(), level + 1);
		} else if (expression instanceof FunctionExpression function) {
			body(function.getBody(), level);
		} else if (expression instanceof TableConstructor table) {
			for (EObject field : table.getFields()) {
				if (field instanceof IndexedField indexed) {
					expression(indexed.getKey(), level + 1);
					expression(indexed.getValue(), level + 1);
				} else if (field instanceof NamedField named) {
					expression(named.getValue(), level + 1);
				} else if (field instanceof PositionalField positional) {
					expression(positional.getValue(), level + 1);
				}
			}
		} else if (expression instanceof FieldAccess field) {
			inner(field.getTarget(), level);
		} else if (expression instanceof IndexAccess index) {
			inner(index.getTarget(), level);
			expression(index.getKey(), level + 1);
		} else if (expression instanceof FunctionCall call) {
			inner(call.getFunction(), level);
			arguments(call.getArguments(), level);
		} else if (expression instanceof MethodCall call) {
			inner(call.getReceiver(), level);
			arguments(call.getArguments(), level);
		}
	}

	/** {@code f(a, b)} parses each argument as an expression; {@code f{...}} is a constructor at this level. */
	private void arguments(Arguments arguments, int level) {
		if (arguments == null) {
			return;
		}
		ILeafNode open = Tokens.first(arguments);
		boolean parenthesized = open != null && "(".equals(open.getText());
		for (EObject value : arguments.getValues()) {
			if (parenthesized) {
				expression(value, level + 1);
			} else {
				inner(value, level);
			}
		}
	}
}
