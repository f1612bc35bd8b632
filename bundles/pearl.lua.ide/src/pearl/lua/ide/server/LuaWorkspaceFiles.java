package pearl.lua.ide.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import pearl.lua.ide.model.ProjectFolder;

/**
 * The language server's view of a project's Lua files: documents the client has open, as typed
 * (Xtext's resources), and the others as saved on disk (parsed once per change of the file).
 * Gives the services a {@link LuaProject} in which globals and {@code require} resolve across
 * files.
 */
@Singleton
public class LuaWorkspaceFiles {

	@Inject
	private LuaServerSettings settings;

	@Inject
	private LuaSources sources;

	private volatile ProjectLinter linter;
	private final Map<IParseResult, LuaDocument> byParse = new WeakHashMap<>();
	private final Map<Path, ProjectFolder> folders = new ConcurrentHashMap<>();

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
		ProjectFolder folder = folders.computeIfAbsent(root, r -> new ProjectFolder(r, sources, settings.firmware()));
		List<LuaDocument> open = new ArrayList<>();
		if (resource.getResourceSet() != null) {
			for (Resource other : resource.getResourceSet().getResources()) {
				if (other instanceof XtextResource lua && other.isLoaded() && isUnder(lua.getURI(), root)) {
					open.add(document(lua));
				}
			}
		}
		return folder.project(open);
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
