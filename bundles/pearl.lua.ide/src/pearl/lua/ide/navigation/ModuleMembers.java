package pearl.lua.ide.navigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.SourceRegions;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.Expressions;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.FunctionName;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.LocalName;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.NameReference;
import pearl.lua.lua.NamedField;
import pearl.lua.lua.ReturnStatement;
import pearl.lua.lua.TableConstructor;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * Where a member of a {@code require}d module is defined: after
 * {@code local app = require("app")}, the {@code start} of {@code app.start()} is the
 * {@code function M.start()} (or {@code M.start = ...}, or the {@code start = ...} field of its
 * table constructor) in {@code app.lua}, whose last statement is {@code return M}.
 */
final class ModuleMembers {

	private ModuleMembers() {
	}

	/** The definitions of {@code access}'s member in the module its target was loaded from; empty when it is not such a member. */
	static List<SourceLocation> definitions(LuaDocument document, LuaProject project, FieldAccess access) {
		if (project == null) {
			return List.of();
		}
		return requiredName(document, access.getTarget()).flatMap(project::module)
				.map(module -> definitionsIn(module, access.getName())).orElse(List.of());
	}

	/** The module name of {@code require("x")}, directly or through a local set from it. */
	private static Optional<String> requiredName(LuaDocument document, EObject expression) {
		if (expression instanceof FunctionCall call) {
			return requireArgument(document, call);
		}
		if (expression instanceof NameReference name) {
			NameUse use = document.scopes().useOf(name);
			LocalVariable local = use == null ? null : use.local();
			if (local != null && local.declaration() instanceof LocalName declared
					&& declared.eContainer() instanceof LocalDeclaration declaration) {
				int index = declaration.getNames().indexOf(declared);
				if (index < declaration.getValues().size() && declaration.getValues().get(index) instanceof FunctionCall call) {
					return requireArgument(document, call);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> requireArgument(LuaDocument document, FunctionCall call) {
		if (call.getFunction() instanceof NameReference function && function.getName().equals("require")
				&& document.scopes().useOf(function) != null && document.scopes().useOf(function).isGlobal()
				&& call.getArguments() != null && !call.getArguments().getValues().isEmpty()) {
			return Expressions.string(call.getArguments().getValues().get(0));
		}
		return Optional.empty();
	}

	/** Where the table the module returns gets {@code member}. */
	private static List<SourceLocation> definitionsIn(LuaDocument module, String member) {
		List<SourceLocation> found = new ArrayList<>();
		if (module.chunk() == null || module.chunk().getBlock() == null
				|| !(module.chunk().getBlock().getLast() instanceof ReturnStatement returned) || returned.getValues().size() != 1) {
			return found;
		}
		EObject value = returned.getValues().get(0);
		if (value instanceof TableConstructor table) {
			fields(module, table, member, found);
			return found;
		}
		NameUse use = value instanceof NameReference name ? module.scopes().useOf(name) : null;
		LocalVariable table = use == null ? null : use.local();
		if (table == null) {
			return found;
		}
		if (table.declaration() instanceof LocalName declared && declared.eContainer() instanceof LocalDeclaration declaration) {
			int index = declaration.getNames().indexOf(declared);
			if (index < declaration.getValues().size() && declaration.getValues().get(index) instanceof TableConstructor constructor) {
				fields(module, constructor, member, found);
			}
		}
		for (EObject element : module.parsed().elements()) {
			if (element instanceof FunctionName name && name.getPath().size() == 2 && name.getPath().get(1).equals(member) && name.getMethod() == null
					&& isTable(module, name, table)) {
				add(module, SourceRegions.of(name, LuaPackage.Literals.FUNCTION_NAME__PATH, 1), found);
			} else if (element instanceof FunctionName name && name.getPath().size() == 1 && member.equals(name.getMethod())
					&& isTable(module, name, table)) {
				add(module, SourceRegions.of(name, LuaPackage.Literals.FUNCTION_NAME__METHOD, -1), found);
			} else if (element instanceof FieldAccess field && field.getName() != null && field.getName().equals(member)
					&& field.eContainer() instanceof Assignment assignment && assignment.getTargets().contains(field)
					&& field.getTarget() instanceof NameReference target && module.scopes().useOf(target) != null
					&& module.scopes().useOf(target).local() == table) {
				add(module, SourceRegions.of(field, LuaPackage.Literals.FIELD_ACCESS__NAME, -1), found);
			}
		}
		found.sort((a, b) -> Integer.compare(a.range().offset(), b.range().offset()));
		return found;
	}

	/** Whether {@code function T.x()}'s {@code T} is the module's table. */
	private static boolean isTable(LuaDocument module, FunctionName name, LocalVariable table) {
		NameUse use = module.scopes().useOf(name);
		return use != null && use.local() == table && name.eContainer() instanceof FunctionDeclaration;
	}

	private static void fields(LuaDocument module, TableConstructor table, String member, List<SourceLocation> found) {
		for (EObject field : table.getFields()) {
			if (field instanceof NamedField named && member.equals(named.getName())) {
				add(module, SourceRegions.of(named, LuaPackage.Literals.NAMED_FIELD__NAME, -1), found);
			}
		}
	}

	private static void add(LuaDocument module, Optional<org.eclipse.xtext.nodemodel.INode> node, List<SourceLocation> found) {
		node.ifPresent(n -> found.add(new SourceLocation(module.fileName(), TextRange.of(n))));
	}
}
