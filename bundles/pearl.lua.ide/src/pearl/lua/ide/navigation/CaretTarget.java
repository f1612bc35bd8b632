package pearl.lua.ide.navigation;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.lint.Expressions;
import pearl.lua.lua.Arguments;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionName;
import pearl.lua.lua.LocalFunctionDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.Parameter;
import pearl.lua.lua.StringLiteral;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * What the name or string at the caret stands for, as hover and navigation both need to know:
 * a local, a global, a field of a firmware path, a method of a firmware object, or the file a
 * {@code require}/{@code dofile} loads. Keywords, operators, comments and white space stand for
 * nothing.
 */
public sealed interface CaretTarget {

	/** Where the token at the caret is. */
	TextRange range();

	/**
	 * A local, parameter, loop variable or {@code self}.
	 *
	 * @param local the variable
	 * @param use   the use at the caret, or null when the caret is on the declaring name
	 * @param range the name at the caret
	 */
	record Local(LocalVariable local, NameUse use, TextRange range) implements CaretTarget {
		/** Whether the caret is in a function nested in the one that declares the variable. */
		public boolean isUpvalueHere() {
			return use != null && use.function() != local.function();
		}
	}

	/**
	 * A global read or assigned at the caret.
	 *
	 * @param use   the use at the caret
	 * @param range the name at the caret
	 */
	record Global(NameUse use, TextRange range) implements CaretTarget {
		/** The global's name. */
		public String name() {
			return use.name();
		}

		/** The expression naming it (a {@code NameReference}), or the {@code FunctionName} of {@code function f()}. */
		public EObject expression() {
			return use.owner();
		}
	}

	/**
	 * The field name of {@code a.b}: a firmware path such as {@code tmr.create} when {@code a} is
	 * a global, else a field of the script's own tables.
	 *
	 * @param access the field access whose name is at the caret
	 * @param range  the name at the caret
	 */
	record Member(FieldAccess access, TextRange range) implements CaretTarget {
	}

	/**
	 * The method name of {@code receiver:name(...)}.
	 *
	 * @param call  the method call
	 * @param range the name at the caret
	 */
	record Method(MethodCall call, TextRange range) implements CaretTarget {
	}

	/**
	 * The string argument of {@code require("app")} or {@code dofile("app.lua")}.
	 *
	 * @param loader   {@code require} or {@code dofile}
	 * @param argument the string's value
	 * @param range    the string literal, quotes included
	 */
	record LoadedFile(String loader, String argument, TextRange range) implements CaretTarget {

		/**
		 * The project's file that the call loads: {@code require} as the board searches for
		 * modules, {@code dofile} by file name (a compiled {@code .lc} stands for its {@code .lua}
		 * source).
		 */
		public Optional<LuaDocument> resolve(LuaProject project) {
			if (project == null || argument.isBlank()) {
				return Optional.empty();
			}
			if (loader.equals("require")) {
				return project.module(argument);
			}
			String name = argument.startsWith("/") ? argument.substring(1) : argument;
			if (name.endsWith(".lc")) {
				name = name.substring(0, name.length() - 3) + ".lua";
			}
			return name.isEmpty() ? Optional.empty() : project.document(project.root().resolve(name).toString());
		}
	}

	/** The base functions whose string argument names a file of the project. */
	List<String> LOADERS = List.of("require", "dofile");

	/** What the token at (or just before) {@code offset} stands for; empty for anything else. */
	static Optional<CaretTarget> at(LuaDocument document, int offset) {
		INode root = document.rootNode();
		if (root == null || document.chunk() == null || offset < 0 || offset > document.text().length()) {
			return Optional.empty();
		}
		// the token under the caret first, then the one the caret ends (as right after typing a name)
		for (int candidate : new int[] { offset, offset - 1 }) {
			if (candidate < 0 || candidate >= document.text().length()) {
				continue;
			}
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, candidate);
			Optional<CaretTarget> target = leaf == null || leaf.isHidden() ? Optional.empty() : of(document, leaf);
			if (target.isPresent()) {
				return target;
			}
		}
		return Optional.empty();
	}

	private static Optional<CaretTarget> of(LuaDocument document, ILeafNode leaf) {
		String terminal = terminalName(leaf);
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		TextRange range = TextRange.of(leaf);
		if ("STRING".equals(terminal)) {
			return element instanceof StringLiteral string ? loadedFile(document, string, range) : Optional.empty();
		}
		if (!"NAME".equals(terminal) || element == null) {
			return Optional.empty();
		}
		if (element instanceof NameReference reference) {
			return use(document.scopes().useOf(reference), range);
		}
		if (element instanceof LocalName || element instanceof Parameter || element instanceof LocalFunctionDeclaration) {
			LocalVariable local = document.scopes().localDeclaredBy(element);
			return local == null ? Optional.empty() : Optional.of(new Local(local, null, range));
		}
		if (element instanceof FunctionName name) {
			// only the first name of `function a.b:c()` is a variable
			List<INode> path = NodeModelUtils.findNodesForFeature(name, pearl.lua.lua.LuaPackage.Literals.FUNCTION_NAME__PATH);
			boolean first = !path.isEmpty() && path.get(0).getOffset() == leaf.getOffset();
			return first ? use(document.scopes().useOf(name), range) : Optional.empty();
		}
		if (element instanceof FieldAccess access) {
			return Optional.of(new Member(access, range));
		}
		if (element instanceof MethodCall call) {
			return Optional.of(new Method(call, range));
		}
		return Optional.empty();
	}

	private static Optional<CaretTarget> use(NameUse use, TextRange range) {
		if (use == null) {
			return Optional.empty();
		}
		return Optional.of(use.isGlobal() ? new Global(use, range) : new Local(use.local(), use, range));
	}

	/** {@code require "app"} or {@code dofile("app.lua")} with the string as first argument, the loader a global. */
	private static Optional<CaretTarget> loadedFile(LuaDocument document, StringLiteral string, TextRange range) {
		if (string.getValue() == null || !(string.eContainer() instanceof Arguments arguments) || arguments.getValues().indexOf(string) != 0
				|| !(arguments.eContainer() instanceof FunctionCall call)) {
			return Optional.empty();
		}
		return Expressions.staticPath(call.getFunction(), document.scopes()).filter(LOADERS::contains)
				.map(loader -> new LoadedFile(loader, string.getValue(), range));
	}

	private static String terminalName(ILeafNode leaf) {
		return leaf.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof TerminalRule rule ? rule.getName() : null;
	}
}
