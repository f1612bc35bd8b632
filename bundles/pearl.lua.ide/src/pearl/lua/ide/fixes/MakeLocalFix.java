package pearl.lua.ide.fixes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.Block;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.scope.NameUse;

/**
 * "Make 'x' local" for {@code global-write}: {@code local } before the first assignment when that
 * is a plain {@code x = ...} or {@code function x()} statement of the block holding every use;
 * else a {@code local x} line before the first use, in the innermost block holding them all. The
 * fix is preferred when it is the plain kind and no other file of the project uses the global.
 */
final class MakeLocalFix {

	private MakeLocalFix() {
	}

	static Optional<QuickFix> of(FixSite site) {
		Optional<String> subject = site.subject();
		if (subject.isEmpty()) {
			return Optional.empty();
		}
		String name = subject.get();
		List<NameUse> uses = site.document.scopes().globalUses().stream().filter(use -> use.name().equals(name))
				.filter(use -> site.document.rangeOf(use).isPresent())
				.sorted(Comparator.comparingInt(use -> site.document.rangeOf(use).get().offset())).toList();
		NameUse firstWrite = uses.stream().filter(use -> use.access() == NameUse.Access.WRITE).findFirst().orElse(null);
		if (firstWrite == null) {
			return Optional.empty();
		}
		String title = "Make '" + name + "' local";
		EObject statement = FixSite.statementOf(firstWrite.owner());
		if (statement != null && uses.get(0) == firstWrite && isPlainDefinition(statement, firstWrite)
				&& allInScopeAfter(site, statement, uses)) {
			TextEdit edit = new TextEdit(new TextRange(site.range(statement).offset(), 0), "local ");
			return Optional.of(site.fix(title, List.of(edit), !usedInOtherFiles(site, name)));
		}
		Block block = FixSite.commonBlock(uses.stream().map(NameUse::owner).toList());
		EObject anchor = block == null ? null : FixSite.statementIn(block, uses.get(0).owner());
		if (anchor == null) {
			return Optional.empty();
		}
		return Optional.of(site.fix(title, List.of(site.lineBefore(anchor, "local " + name)), false));
	}

	/** {@code x = value} with one target, or {@code function x() ... end}. */
	private static boolean isPlainDefinition(EObject statement, NameUse write) {
		if (statement instanceof Assignment assignment) {
			return assignment.getTargets().size() == 1 && assignment.getTargets().get(0) == write.owner();
		}
		return statement instanceof FunctionDeclaration declaration && declaration.getName() == write.owner()
				&& declaration.getName().getPath().size() == 1 && declaration.getName().getMethod() == null;
	}

	/**
	 * Whether a local made at {@code statement} would see every use: all are in its block, after
	 * it (or, for a function, inside it, as {@code local function} sees itself).
	 */
	private static boolean allInScopeAfter(FixSite site, EObject statement, List<NameUse> uses) {
		EObject block = statement.eContainer();
		int end = site.range(statement).end();
		for (NameUse use : uses.subList(1, uses.size())) {
			boolean inBlock = false;
			for (EObject o = use.owner(); o != null && !inBlock; o = o.eContainer()) {
				inBlock = o == block;
			}
			int at = site.document.rangeOf(use).get().offset();
			boolean visible = at >= end || statement instanceof FunctionDeclaration;
			if (!inBlock || !visible) {
				return false;
			}
		}
		return true;
	}

	private static boolean usedInOtherFiles(FixSite site, String name) {
		if (site.project == null) {
			return false;
		}
		for (LuaDocument other : site.project.documents()) {
			if (!other.fileName().equals(site.document.fileName())
					&& other.scopes().globalUses().stream().anyMatch(use -> use.name().equals(name))) {
				return true;
			}
		}
		return false;
	}
}
