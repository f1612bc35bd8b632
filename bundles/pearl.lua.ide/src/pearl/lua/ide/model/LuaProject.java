package pearl.lua.ide.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import pearl.lua.scope.NameUse;

/**
 * The Lua files of one NodeMCU project, as an editor has them now (open documents as typed,
 * others as saved). Globals and {@code require}d modules are resolved across them. Safe to use
 * from several threads.
 */
public final class LuaProject {

	/** One place a global is set. */
	public record GlobalDefinition(LuaDocument document, NameUse use) {
	}

	private final Path root;
	private final Map<String, LuaDocument> documents = new ConcurrentHashMap<>();

	/** A project whose files live under {@code root}. */
	public LuaProject(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** The project's folder. */
	public Path root() {
		return root;
	}

	/** Adds a document, or replaces the one of the same file name. */
	public void put(LuaDocument document) {
		documents.put(key(document.fileName()), document);
	}

	/** Forgets a file. */
	public void remove(String fileName) {
		documents.remove(key(fileName));
	}

	/** The document of a file, if the project has it. */
	public Optional<LuaDocument> document(String fileName) {
		return Optional.ofNullable(documents.get(key(fileName)));
	}

	/** All documents. */
	public Collection<LuaDocument> documents() {
		return Collections.unmodifiableCollection(documents.values());
	}

	/** The name of a file relative to the project's folder, with {@code /} separators. */
	public String relativeName(String fileName) {
		Path path = Path.of(fileName).toAbsolutePath().normalize();
		return (path.startsWith(root) ? root.relativize(path) : path).toString().replace('\\', '/');
	}

	/**
	 * The file {@code require(name)} loads, as the board finds it: {@code name.lua} with dots
	 * read as folders (the board's flat file system keeps the slash in the name), or the module
	 * of that name in the Lua Flash Store folder {@code lfs/}.
	 */
	public Optional<LuaDocument> module(String name) {
		String path = name.replace('.', '/');
		for (String candidate : List.of(path + ".lua", "lfs/" + path + ".lua", name + ".lua")) {
			Optional<LuaDocument> found = document(root.resolve(candidate).toString());
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** Every place in the project that assigns the global {@code name}, file by file in name order. */
	public List<GlobalDefinition> globalDefinitions(String name) {
		List<GlobalDefinition> found = new ArrayList<>();
		documents.values().stream().sorted((a, b) -> a.fileName().compareTo(b.fileName())).forEach(document -> {
			for (NameUse use : document.scopes().globalUses()) {
				if (use.name().equals(name) && use.access() == NameUse.Access.WRITE) {
					found.add(new GlobalDefinition(document, use));
				}
			}
		});
		return found;
	}

	/** The globals that the project's files other than {@code fileName} set. */
	public Set<String> globalsSetOutside(String fileName) {
		String own = key(fileName);
		Set<String> names = new HashSet<>();
		documents.forEach((key, document) -> {
			if (!key.equals(own)) {
				names.addAll(document.globalsSet());
			}
		});
		return names;
	}

	private String key(String fileName) {
		return Path.of(fileName).toAbsolutePath().normalize().toString();
	}
}
