package pearl.lua.ide.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.workspace.IProjectConfig;
import org.eclipse.xtext.workspace.ProjectConfigAdapter;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import pearl.lua.LuaSources;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaProject;

/**
 * The language server's view of a project's Lua files: documents the client has open, as typed
 * (Xtext's resources), and the others as saved on disk (parsed once per change of the file).
 * Gives the services a {@link LuaProject} in which globals and {@code require} resolve across
 * files.
 */
@Singleton
public class LuaWorkspaceFiles {

	/** Folders never searched for project files. */
	private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".svn", "node_modules", "target", "build", ".pearl");

	private record OnDisk(long modified, long size, LuaDocument document) {
	}

	@Inject
	private LuaServerSettings settings;

	@Inject
	private LuaSources sources;

	private volatile ProjectLinter linter;
	private final Map<IParseResult, LuaDocument> byParse = new WeakHashMap<>();
	private final Map<Path, OnDisk> onDisk = new ConcurrentHashMap<>();
	private final Map<Path, LuaProject> projects = new ConcurrentHashMap<>();
	private final Map<Path, Long> scanned = new ConcurrentHashMap<>();
	private final Map<Path, Set<String>> openLastScan = new ConcurrentHashMap<>();

	/**
	 * Runs a service on the documents, one at a time: documents cache what the linter infers
	 * about them, and Xtext runs read requests in parallel.
	 */
	public synchronized <T> T locked(java.util.function.Supplier<T> service) {
		return service.get();
	}

	/** The settings the server runs with. */
	public LuaServerSettings settings() {
		return settings;
	}

	/** Lints documents as {@code pearl lint} would, with the project's {@code .luacheckrc}. */
	public ProjectLinter linter() {
		if (linter == null) {
			linter = new ProjectLinter(sources, settings.rules());
		}
		return linter;
	}

	/** The document of a resource as it is now (computed once per parse). */
	public LuaDocument document(XtextResource resource) {
		IParseResult parse = resource.getParseResult();
		synchronized (byParse) {
			LuaDocument known = parse == null ? null : byParse.get(parse);
			if (known == null) {
				LuaSources.Parsed parsed = LuaSources.of(resource);
				known = LuaDocument.of(fileName(resource.getURI()), parse == null ? "" : parse.getRootNode().getText(), parsed,
						settings.firmware());
				if (parse != null) {
					byParse.put(parse, known);
				}
			}
			return known;
		}
	}

	/**
	 * The project the resource belongs to: the workspace folder the client opened (or the file's
	 * folder), with every {@code .lua} file under it, open ones as typed.
	 */
	public LuaProject project(XtextResource resource) {
		Path root = rootOf(resource);
		LuaProject project = projects.computeIfAbsent(root, LuaProject::new);
		synchronized (project) {
			Set<String> seen = new HashSet<>();
			if (resource.getResourceSet() != null) {
				for (Resource other : resource.getResourceSet().getResources()) {
					if (other instanceof XtextResource lua && other.isLoaded() && isUnder(lua.getURI(), root)) {
						LuaDocument document = lua == resource ? document(resource) : document(lua);
						project.put(document);
						seen.add(project.relativeName(document.fileName()));
					}
				}
			}
			// files on disk change seldom while the user types: look again at most once a second
			long now = System.nanoTime();
			Long last = scanned.get(root);
			if (last == null || now - last > 1_000_000_000L || !seen.equals(openLastScan.get(root))) {
				refreshFromDisk(project, seen);
				scanned.put(root, now);
				openLastScan.put(root, seen);
			}
		}
		return project;
	}

	private void refreshFromDisk(LuaProject project, Set<String> open) {
		Set<String> present = new HashSet<>(open);
		try {
			Files.walkFileTree(project.root(), new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return !dir.equals(project.root()) && SKIPPED_FOLDERS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					String name = project.relativeName(file.toString());
					if (name.endsWith(".lua") && !open.contains(name)) {
						present.add(name);
						project.put(fromDisk(file, attrs));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					return FileVisitResult.CONTINUE; // an unreadable file is simply not part of the project
				}
			});
		} catch (IOException e) {
			return; // the root went away: the project keeps what it had
		}
		project.documents().stream().map(d -> project.relativeName(d.fileName())).filter(name -> !present.contains(name)).toList()
				.forEach(name -> project.remove(project.root().resolve(name).toString()));
	}

	private LuaDocument fromDisk(Path file, BasicFileAttributes attrs) {
		OnDisk known = onDisk.get(file);
		long modified = attrs.lastModifiedTime().toMillis();
		if (known == null || known.modified() != modified || known.size() != attrs.size()) {
			String text;
			try {
				text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			} catch (IOException e) {
				text = "";
			}
			known = new OnDisk(modified, attrs.size(), LuaDocument.parse(sources, file.toString(), text, settings.firmware()));
			onDisk.put(file, known);
		}
		return known.document();
	}

	private static Path rootOf(XtextResource resource) {
		if (resource.getResourceSet() != null) {
			ProjectConfigAdapter adapter = ProjectConfigAdapter.findInEmfObject(resource.getResourceSet());
			IProjectConfig config = adapter == null ? null : adapter.getProjectConfig();
			if (config != null && config.getPath() != null && config.getPath().isFile()) {
				return Path.of(config.getPath().toFileString()).toAbsolutePath().normalize();
			}
		}
		Path file = Path.of(fileName(resource.getURI())).toAbsolutePath();
		return file.getParent() == null ? file : file.getParent();
	}

	private static boolean isUnder(URI uri, Path root) {
		return uri.isFile() && Path.of(uri.toFileString()).toAbsolutePath().normalize().startsWith(root);
	}

	static String fileName(URI uri) {
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}
}
