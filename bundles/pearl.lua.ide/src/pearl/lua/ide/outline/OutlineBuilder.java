package pearl.lua.ide.outline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.firmware.ObjectType;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.Block;
import pearl.lua.lua.DoStatement;
import pearl.lua.lua.ElseIf;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.FunctionName;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.IfStatement;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.LocalFunctionDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NamedField;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.Parameter;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.ReturnStatement;
import pearl.lua.lua.StringLiteral;
import pearl.lua.lua.TableConstructor;
import pearl.lua.lua.WhileStatement;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;
import pearl.lua.SourceRegions;

/** Builds one document's outline; used once. */
final class OutlineBuilder {

	/** A symbol while its children are still being found. */
	private static final class Entry {
		final String name;
		OutlineSymbol.Kind kind;
		final String detail;
		final TextRange range;
		final TextRange selection;
		final List<Entry> children = new ArrayList<>();

		Entry(String name, OutlineSymbol.Kind kind, String detail, TextRange range, TextRange selection) {
			this.name = name;
			this.kind = kind;
			this.detail = detail;
			this.range = range;
			this.selection = selection;
		}

		boolean hasChild(String childName) {
			return children.stream().anyMatch(c -> c.name.equals(childName));
		}

		OutlineSymbol toSymbol() {
			return new OutlineSymbol(name, kind, detail, range, selection, symbols(children));
		}
	}

	/** Longest callee text a callback's name quotes before it is cut. */
	private static final int MAX_CALLEE = 40;

	private final LuaDocument document;
	private final Block main;
	/** The file's tables that functions and fields are gathered under: by local, and by global name. */
	private final Map<LocalVariable, Entry> localTables = new IdentityHashMap<>();
	private final Map<String, Entry> globalTables = new HashMap<>();
	/** Globals already listed, so that a global assigned twice appears once. */
	private final Set<String> listedGlobals = new HashSet<>();

	OutlineBuilder(LuaDocument document) {
		this.document = document;
		this.main = document.chunk().getBlock();
	}

	List<OutlineSymbol> build(Block block) {
		List<Entry> top = new ArrayList<>();
		block(block, top, false);
		markModule(block);
		return symbols(top);
	}

	private static List<OutlineSymbol> symbols(List<Entry> entries) {
		return entries.stream().sorted(Comparator.comparingInt(e -> e.range.offset())).map(Entry::toSymbol).toList();
	}

	/** {@code return M} at the end of the file makes the table {@code M} the module. */
	private void markModule(Block block) {
		if (block.getLast() instanceof ReturnStatement ret && ret.getValues().size() == 1 && ret.getValues().get(0) instanceof NameReference name) {
			Entry table = table(document.scopes().useOf(name));
			if (table != null) {
				table.kind = OutlineSymbol.Kind.MODULE;
			}
		}
	}

	/** The statements of a block; {@code inFunction} when the block is inside some function's body. */
	private void block(Block block, List<Entry> out, boolean inFunction) {
		if (block == null) {
			return;
		}
		for (EObject statement : block.getStatements()) {
			statement(statement, block == main, out, inFunction);
		}
		if (block.getLast() instanceof ReturnStatement ret) {
			ret.getValues().forEach(value -> expression(value, out));
		}
	}

	private void statement(EObject statement, boolean topLevel, List<Entry> out, boolean inFunction) {
		if (statement instanceof LocalFunctionDeclaration local && local.getName() != null) {
			out.add(function(local.getName(), OutlineSymbol.Kind.FUNCTION, local, local.getBody(),
					SourceRegions.of(local, LuaPackage.Literals.LOCAL_FUNCTION_DECLARATION__NAME, -1)));
		} else if (statement instanceof LocalDeclaration local) {
			localDeclaration(local, topLevel, out);
		} else if (statement instanceof FunctionDeclaration declaration) {
			functionDeclaration(declaration, out, inFunction);
		} else if (statement instanceof Assignment assignment) {
			assignment(assignment, topLevel, out, inFunction);
		} else if (statement instanceof ExpressionStatement expression) {
			expression(expression.getExpression(), out);
		} else if (statement instanceof IfStatement ifStatement) {
			expression(ifStatement.getCondition(), out);
			block(ifStatement.getThen(), out, inFunction);
			for (ElseIf elseIf : ifStatement.getElseIfs()) {
				expression(elseIf.getCondition(), out);
				block(elseIf.getThen(), out, inFunction);
			}
			block(ifStatement.getElse(), out, inFunction);
		} else if (statement instanceof WhileStatement loop) {
			expression(loop.getCondition(), out);
			block(loop.getBlock(), out, inFunction);
		} else if (statement instanceof RepeatStatement loop) {
			block(loop.getBlock(), out, inFunction);
			expression(loop.getCondition(), out);
		} else if (statement instanceof NumericFor loop) {
			expression(loop.getStart(), out);
			expression(loop.getLimit(), out);
			expression(loop.getStep(), out);
			block(loop.getBlock(), out, inFunction);
		} else if (statement instanceof GenericFor loop) {
			loop.getValues().forEach(value -> expression(value, out));
			block(loop.getBlock(), out, inFunction);
		} else if (statement instanceof DoStatement doStatement) {
			block(doStatement.getBlock(), out, inFunction);
		}
	}

	/** {@code local a, b = x, y}: functions anywhere, other locals only in the main chunk. */
	private void localDeclaration(LocalDeclaration local, boolean topLevel, List<Entry> out) {
		for (int i = 0; i < local.getNames().size(); i++) {
			LocalName name = local.getNames().get(i);
			EObject value = i < local.getValues().size() ? local.getValues().get(i) : null;
			if (name.getName() == null) {
				continue;
			}
			Optional<INode> nameNode = SourceRegions.of(name, LuaPackage.Literals.LOCAL_NAME__NAME, -1);
			if (value instanceof FunctionExpression function) {
				out.add(function(name.getName(), OutlineSymbol.Kind.FUNCTION, local, function.getBody(), nameNode));
			} else if (topLevel) {
				Entry entry = entry(name.getName(), OutlineSymbol.Kind.LOCAL, valueDetail(value), local, nameNode);
				if (entry != null) {
					out.add(entry);
					if (value instanceof TableConstructor table) {
						LocalVariable variable = document.scopes().localDeclaredBy(name);
						if (variable != null) {
							localTables.put(variable, entry);
						}
						fields(table, entry);
					}
				}
			}
		}
		// callbacks passed in the values (`local t = tmr.create(); t:alarm(...)` is a statement of its own)
		for (EObject value : local.getValues()) {
			if (!(value instanceof FunctionExpression) && !(topLevel && value instanceof TableConstructor)) {
				expression(value, out);
			}
		}
	}

	/** {@code function f()}, {@code function M.f()}, {@code function M:f()}. */
	private void functionDeclaration(FunctionDeclaration declaration, List<Entry> out, boolean inFunction) {
		FunctionName name = declaration.getName();
		if (name == null || name.getPath().isEmpty() || name.getPath().contains(null)) {
			if (declaration.getBody() != null) {
				List<Entry> nested = new ArrayList<>();
				functionBody(declaration.getBody(), nested);
				out.addAll(nested); // a function without a usable name: keep what is inside it
			}
			return;
		}
		OutlineSymbol.Kind kind = name.getMethod() != null ? OutlineSymbol.Kind.METHOD : OutlineSymbol.Kind.FUNCTION;
		Optional<INode> nameNode = SourceRegions.of(name);
		boolean member = name.getPath().size() > 1 || name.getMethod() != null;
		Entry table = member && !inFunction ? table(document.scopes().useOf(name)) : null;
		if (table != null) {
			String rest = String.join(".", name.getPath().subList(1, name.getPath().size()));
			String shown = name.getMethod() == null ? rest : rest.isEmpty() ? name.getMethod() : rest + ":" + name.getMethod();
			Entry entry = function(shown, kind, declaration, declaration.getBody(), nameNode);
			addTo(table, entry);
			return;
		}
		String shown = String.join(".", name.getPath()) + (name.getMethod() != null ? ":" + name.getMethod() : "");
		if (!member && !inFunction) {
			listedGlobals.add(shown);
		}
		out.add(function(shown, kind, declaration, declaration.getBody(), nameNode));
	}

	/** {@code x = ...}, {@code M.f = function ... end}, {@code M.x = 1}. */
	private void assignment(Assignment assignment, boolean topLevel, List<Entry> out, boolean inFunction) {
		for (int i = 0; i < assignment.getTargets().size(); i++) {
			EObject target = assignment.getTargets().get(i);
			EObject value = i < assignment.getValues().size() ? assignment.getValues().get(i) : null;
			if (!assigned(target, value, assignment, topLevel, out, inFunction)) {
				expression(value, out);
			}
		}
		for (int i = assignment.getTargets().size(); i < assignment.getValues().size(); i++) {
			expression(assignment.getValues().get(i), out);
		}
	}

	/** Lists one target of an assignment; false when the value is still to be searched for callbacks. */
	private boolean assigned(EObject target, EObject value, Assignment assignment, boolean topLevel, List<Entry> out, boolean inFunction) {
		FunctionExpression function = value instanceof FunctionExpression f ? f : null;
		if (target instanceof NameReference name && name.getName() != null) {
			Optional<INode> nameNode = SourceRegions.of(name);
			NameUse use = document.scopes().useOf(name);
			if (function != null) {
				out.add(function(name.getName(), OutlineSymbol.Kind.FUNCTION, assignment, function.getBody(), nameNode));
				return true;
			}
			if (topLevel && use != null && use.isGlobal() && listedGlobals.add(name.getName())) {
				Entry entry = entry(name.getName(), OutlineSymbol.Kind.GLOBAL, valueDetail(value), assignment, nameNode);
				if (entry != null) {
					out.add(entry);
					if (value instanceof TableConstructor table) {
						globalTables.put(name.getName(), entry);
						fields(table, entry);
						return true;
					}
				}
			}
			return false;
		}
		if (target instanceof FieldAccess field && field.getName() != null) {
			Entry table = !inFunction && field.getTarget() instanceof NameReference owner ? table(document.scopes().useOf(owner)) : null;
			Optional<INode> nameNode = SourceRegions.of(field, LuaPackage.Literals.FIELD_ACCESS__NAME, -1);
			if (table != null) {
				if (function != null) {
					addTo(table, function(field.getName(), OutlineSymbol.Kind.FUNCTION, assignment, function.getBody(), nameNode));
					return true;
				}
				if (!table.hasChild(field.getName())) {
					addTo(table, entry(field.getName(), OutlineSymbol.Kind.FIELD, valueDetail(value), assignment, nameNode));
				}
				return false;
			}
			if (function != null) {
				out.add(function(tokenText(field), OutlineSymbol.Kind.FUNCTION, assignment, function.getBody(), nameNode));
				return true;
			}
		}
		return false;
	}

	/** The named fields of a table constructor, as children of its entry. */
	private void fields(TableConstructor table, Entry entry) {
		for (EObject field : table.getFields()) {
			if (field instanceof NamedField named && named.getName() != null) {
				Optional<INode> nameNode = SourceRegions.of(named, LuaPackage.Literals.NAMED_FIELD__NAME, -1);
				if (named.getValue() instanceof FunctionExpression function) {
					addTo(entry, function(named.getName(), OutlineSymbol.Kind.FUNCTION, named, function.getBody(), nameNode));
				} else {
					addTo(entry, entry(named.getName(), OutlineSymbol.Kind.FIELD, valueDetail(named.getValue()), named, nameNode));
					expression(named.getValue(), entry.children);
				}
			} else if (field != null) {
				field.eContents().forEach(value -> expression(value, entry.children));
			}
		}
	}

	/** Finds the functions inside an expression: a function value is listed, named after where it is. */
	private void expression(EObject expression, List<Entry> out) {
		if (expression == null) {
			return;
		}
		if (expression instanceof FunctionExpression function) {
			Optional<INode> keyword = firstToken(function);
			out.add(function(anonymousName(function), OutlineSymbol.Kind.FUNCTION, function, function.getBody(), keyword));
			return;
		}
		for (EObject child : expression.eContents()) {
			expression(child, out);
		}
	}

	/** A callback is named after the call it is passed to: {@code conn:on("receive") callback}. */
	private String anonymousName(FunctionExpression function) {
		EObject container = function.eContainer();
		if (container instanceof NamedField named && named.getName() != null) {
			return named.getName();
		}
		if (container instanceof Arguments arguments) {
			String callee = null;
			if (arguments.eContainer() instanceof MethodCall call && call.getName() != null) {
				callee = tokenText(call.getReceiver()) + ":" + call.getName();
			} else if (arguments.eContainer() instanceof FunctionCall call) {
				callee = tokenText(call.getFunction());
			}
			if (callee != null && !callee.isEmpty()) {
				if (callee.length() > MAX_CALLEE) {
					callee = "…" + callee.substring(callee.length() - MAX_CALLEE);
				}
				if (!arguments.getValues().isEmpty() && arguments.getValues().get(0) instanceof StringLiteral event && event.getValue() != null) {
					callee += "(\"" + event.getValue() + "\")";
				}
				return callee + " callback";
			}
		}
		return "function";
	}

	private Entry function(String name, OutlineSymbol.Kind kind, EObject whole, FunctionBody body, Optional<INode> nameNode) {
		Entry entry = entry(name, kind, parameters(body), whole, nameNode);
		if (entry == null) {
			return placeholder(name, kind, body);
		}
		functionBody(body, entry.children);
		return entry;
	}

	/** A function whose declaration has no text region (cannot happen for parsed text): listed at its body. */
	private Entry placeholder(String name, OutlineSymbol.Kind kind, FunctionBody body) {
		TextRange range = body == null ? new TextRange(0, 0) : document.rangeOf(body).orElse(new TextRange(0, 0));
		Entry entry = new Entry(name, kind, parameters(body), range, range);
		functionBody(body, entry.children);
		return entry;
	}

	private void functionBody(FunctionBody body, List<Entry> out) {
		if (body != null) {
			block(body.getBlock(), out, true);
		}
	}

	/** An entry spanning {@code whole}, selecting {@code nameNode} (or all of it); null when {@code whole} has no text. */
	private Entry entry(String name, OutlineSymbol.Kind kind, String detail, EObject whole, Optional<INode> nameNode) {
		Optional<TextRange> range = document.rangeOf(whole);
		if (range.isEmpty()) {
			return null;
		}
		TextRange selection = nameNode.map(TextRange::of).filter(s -> s.offset() >= range.get().offset() && s.end() <= range.get().end())
				.orElse(range.get());
		return new Entry(name, kind, detail, range.get(), selection);
	}

	private static void addTo(Entry table, Entry child) {
		if (child != null) {
			table.children.add(child);
		}
	}

	/** The file's table a use of a name refers to, if any. */
	private Entry table(NameUse use) {
		if (use == null) {
			return null;
		}
		return use.isGlobal() ? globalTables.get(use.name()) : localTables.get(use.local());
	}

	/** {@code (sck, data)}, {@code (...)}. */
	private static String parameters(FunctionBody body) {
		if (body == null) {
			return "()";
		}
		List<String> names = new ArrayList<>(body.getParameters().stream().map(Parameter::getName).filter(Objects::nonNull).toList());
		if (body.isVarargs()) {
			names.add("...");
		}
		return "(" + String.join(", ", names) + ")";
	}

	/** What a variable holds, when the firmware tells: {@code tmr.timer}, {@code net.tcpserver}. */
	private String valueDetail(EObject value) {
		if (value == null) {
			return "";
		}
		return document.queries().objectTypeOf(value).map(ObjectType::name).orElse("");
	}

	private static String tokenText(EObject element) {
		INode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		return node == null ? "" : NodeModelUtils.getTokenText(node);
	}

	private static Optional<INode> firstToken(EObject element) {
		INode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return Optional.empty();
		}
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				return Optional.of(leaf);
			}
		}
		return Optional.empty();
	}
}
