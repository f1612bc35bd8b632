package pearl.lua.ide.navigation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.scope.NameUse;

/**
 * Where a global is set and used across a project. The document being edited counts as it is
 * now, even when the project still holds an older copy of its file; without a project, only that
 * document is searched.
 */
public final class GlobalSites {

	/** One use of a global in one file. */
	public record Site(LuaDocument document, NameUse use) {

		/** Where the name is in its document. */
		public Optional<TextRange> range() {
			return document.rangeOf(use);
		}

		/** The 1-based line of the name, or 0 when it has no place in the text. */
		public int line() {
			return range().map(r -> document.lines().line(r.offset())).orElse(0);
		}
	}

	/** A comparator for listing sites file by file, then in source order. */
	private static final Comparator<Site> IN_ORDER = Comparator.comparing((Site site) -> site.document().fileName())
			.thenComparingInt(site -> site.range().map(TextRange::offset).orElse(-1));

	private GlobalSites() {
	}

	/** Every assignment of the global {@code name} (including {@code function name()}). */
	public static List<Site> definitions(LuaDocument document, LuaProject project, String name) {
		List<Site> sites = new ArrayList<>();
		if (project != null) {
			project.globalDefinitions(name).stream().filter(definition -> !sameFile(definition.document(), document))
					.forEach(definition -> sites.add(new Site(definition.document(), definition.use())));
		}
		sites.addAll(uses(document, name).stream().filter(site -> site.use().access() == NameUse.Access.WRITE).toList());
		sites.sort(IN_ORDER);
		return sites;
	}

	/** Every read and write of the global {@code name}. */
	public static List<Site> uses(LuaDocument document, LuaProject project, String name) {
		List<Site> sites = new ArrayList<>(uses(document, name));
		if (project != null) {
			for (LuaDocument other : project.documents()) {
				if (!sameFile(other, document)) {
					sites.addAll(uses(other, name));
				}
			}
		}
		sites.sort(IN_ORDER);
		return sites;
	}

	private static List<Site> uses(LuaDocument document, String name) {
		return document.scopes().globalUses().stream().filter(use -> use.name().equals(name)).map(use -> new Site(document, use)).toList();
	}

	private static boolean sameFile(LuaDocument a, LuaDocument b) {
		return a == b || normalized(a.fileName()).equals(normalized(b.fileName()));
	}

	private static Path normalized(String fileName) {
		return Path.of(fileName).toAbsolutePath().normalize();
	}
}
