package pearl.lua.ui.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.scope.NameUse;
import pearl.lua.ui.LuaServices;

/**
 * Writes the Problems view's markers ({@link ProblemMarkers}) for the Lua files of a NodeMCU
 * project, as saved, linted through {@link LuaServices} like the editor lints them. A full build
 * lints every file; an incremental one the changed files, every file when a {@code .luacheckrc}
 * changed, and the other files that use a global whose setting a change added or removed (their
 * {@code global-read} and {@code global-write} findings depend on it).
 */
public final class LuaBuilder extends IncrementalProjectBuilder {

	/** The builder's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.luaBuilder";

	/** The globals each file set when it was last linted; empty until the first build of this session. */
	private final Map<IFile, Set<String>> globalsSet = new HashMap<>();

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD || globalsSet.isEmpty() ? null : getDelta(getProject());
		LuaProject saved = savedProject();
		if (delta == null) {
			lint(LuaProjectFiles.all(getProject()), saved, monitor);
		} else {
			buildChanges(delta, saved, monitor);
		}
		LuaServices.get().folder(saved.root()).changed(); // editors see the saved files anew
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
		globalsSet.clear();
	}

	private void buildChanges(IResourceDelta delta, LuaProject saved, IProgressMonitor monitor) throws CoreException {
		Set<IFile> changed = new LinkedHashSet<>();
		Set<String> globalsChanged = new HashSet<>();
		boolean[] configChanged = { false };
		delta.accept(child -> {
			IResource resource = child.getResource();
			if (!isNewText(child)) {
				return true; // only markers or properties changed
			} else if (LuaProjectFiles.isLintConfig(resource)) {
				configChanged[0] = true;
			} else if (resource.getType() == IResource.FILE && child.getKind() == IResourceDelta.REMOVED) {
				globalsChanged.addAll(globalsSet.getOrDefault(resource, Set.of()));
				globalsSet.remove(resource);
			} else if (LuaProjectFiles.isLua(resource) && resource.getLocation() != null) {
				changed.add((IFile) resource);
			}
			return resource.getType() != IResource.FOLDER || LuaProjectFiles.isSearched(resource);
		});
		if (configChanged[0]) {
			lint(LuaProjectFiles.all(getProject()), saved, monitor);
			return;
		}
		for (IFile file : changed) {
			Set<String> before = globalsSet.getOrDefault(file, Set.of());
			lint(List.of(file), saved, monitor);
			Set<String> after = globalsSet.getOrDefault(file, Set.of());
			if (!before.equals(after)) {
				Set<String> added = new HashSet<>(after);
				added.removeAll(before);
				Set<String> removed = new HashSet<>(before);
				removed.removeAll(after);
				globalsChanged.addAll(added);
				globalsChanged.addAll(removed);
			}
		}
		if (!globalsChanged.isEmpty()) {
			List<IFile> readers = LuaProjectFiles.all(getProject()).stream().filter(file -> !changed.contains(file))
					.filter(file -> usesAny(saved, file, globalsChanged)).toList();
			lint(readers, saved, monitor);
		}
	}

	/** Whether a file's text may have changed: added, removed, edited, replaced. */
	private static boolean isNewText(IResourceDelta delta) {
		return delta.getKind() != IResourceDelta.CHANGED || delta.getResource().getType() != IResource.FILE
				|| (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.ENCODING)) != 0;
	}

	/** The project's Lua files as saved, each parsed again only when it changed on disk. */
	private LuaProject savedProject() throws CoreException {
		ProjectFolder folder = LuaServices.get().folder(getProject().getLocation().toFile().toPath());
		LuaProject project = new LuaProject(folder.project().root());
		for (IFile file : LuaProjectFiles.all(getProject())) {
			try {
				project.put(folder.saved(path(file)));
			} catch (IOException e) {
				// lint() reports the unreadable file
			}
		}
		return project;
	}

	private void lint(List<IFile> files, LuaProject saved, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Linting Lua files", files.size());
		for (IFile file : files) {
			progress.subTask(file.getName());
			LuaDocument document = saved.document(path(file).toString()).orElse(null);
			if (document == null) {
				ProblemMarkers.unlintable(file, "the file cannot be read from " + path(file));
				globalsSet.remove(file);
			} else {
				lint(file, document, saved);
			}
			progress.worked(1);
		}
	}

	private void lint(IFile file, LuaDocument document, LuaProject saved) throws CoreException {
		try {
			ProblemMarkers.replace(file, document, LuaServices.get().lint(document, saved));
			globalsSet.put(file, document.globalsSet());
		} catch (RuntimeException e) {
			// a file the services cannot cope with must not stop the build of the others
			ILog.of(getClass()).error("Pearl could not lint " + file.getFullPath(), e);
			ProblemMarkers.unlintable(file, String.valueOf(e));
			globalsSet.put(file, Set.of());
		}
	}

	private static boolean usesAny(LuaProject saved, IFile file, Set<String> names) {
		return saved.document(path(file).toString())
				.map(document -> document.scopes().globalUses().stream().map(NameUse::name).anyMatch(names::contains)).orElse(false);
	}

	private static Path path(IFile file) {
		return file.getLocation().toFile().toPath();
	}
}
