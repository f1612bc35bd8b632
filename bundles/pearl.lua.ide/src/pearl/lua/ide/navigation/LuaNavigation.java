package pearl.lua.ide.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * Go to definition and find references for the name at the caret: locals and upvalues within
 * their file, globals across the files of the project, and the file a {@code require} or
 * {@code dofile} loads. Firmware names have no source to go to. Never throws; a caret on
 * anything else gives an empty list.
 */
public final class LuaNavigation {

	/** A navigation service; it keeps no state between calls. */
	public LuaNavigation() {
	}

	/**
	 * Where the name at {@code offset} is defined: a local's declaration, every assignment of a
	 * global in the project, the first character of a {@code require}d module's file.
	 *
	 * @param project the project the document belongs to, or null to look in the document only
	 */
	public List<SourceLocation> definition(LuaDocument document, LuaProject project, int offset) {
		Optional<CaretTarget> target = CaretTarget.at(document, offset);
		if (target.isEmpty()) {
			return List.of();
		}
		if (target.get() instanceof CaretTarget.Local local) {
			return declaration(document, local.local()).map(List::of).orElse(List.of());
		}
		if (target.get() instanceof CaretTarget.Global global) {
			return locations(GlobalSites.definitions(document, project, global.name()));
		}
		if (target.get() instanceof CaretTarget.LoadedFile file) {
			return file.resolve(project).map(module -> List.of(new SourceLocation(module.fileName(), new TextRange(0, 0)))).orElse(List.of());
		}
		if (target.get() instanceof CaretTarget.Member member) {
			return ModuleMembers.definitions(document, project, member.access()); // empty for firmware members
		}
		return List.of(); // methods of firmware objects live in the firmware, not in a file
	}

	/**
	 * Every use of the name at {@code offset}: a local's reads and writes in its file, a global's
	 * reads and writes in every file of the project. The caret may be on a use or on a local's
	 * declaring name.
	 *
	 * @param project            the project the document belongs to, or null to look in the
	 *                           document only
	 * @param includeDeclaration whether a local's declaring name is listed too; a global has no
	 *                           declaration apart from its assignments, which are always listed
	 */
	public List<SourceLocation> references(LuaDocument document, LuaProject project, int offset, boolean includeDeclaration) {
		Optional<CaretTarget> target = CaretTarget.at(document, offset);
		if (target.isEmpty()) {
			return List.of();
		}
		if (target.get() instanceof CaretTarget.Local local) {
			List<SourceLocation> found = new ArrayList<>();
			if (includeDeclaration && local.local().kind() != LocalVariable.Kind.SELF) { // self is declared by no name of its own
				declaration(document, local.local()).ifPresent(found::add);
			}
			for (NameUse use : local.local().uses()) {
				document.rangeOf(use).ifPresent(range -> found.add(new SourceLocation(document.fileName(), range)));
			}
			found.sort(Comparator.comparingInt(location -> location.range().offset()));
			return found;
		}
		if (target.get() instanceof CaretTarget.Global global) {
			return locations(GlobalSites.uses(document, project, global.name()));
		}
		return List.of();
	}

	private static Optional<SourceLocation> declaration(LuaDocument document, LocalVariable local) {
		return document.declarationRange(local).map(range -> new SourceLocation(document.fileName(), range));
	}

	private static List<SourceLocation> locations(List<GlobalSites.Site> sites) {
		List<SourceLocation> locations = new ArrayList<>();
		for (GlobalSites.Site site : sites) {
			site.range().ifPresent(range -> locations.add(new SourceLocation(site.document().fileName(), range)));
		}
		return locations;
	}
}
