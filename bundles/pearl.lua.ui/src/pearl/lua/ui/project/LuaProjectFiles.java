package pearl.lua.ui.project;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.ide.project.NewProjectFiles;

/**
 * Which files of an Eclipse project the builder lints: the {@code .lua} files, except those in
 * folders no Pearl tool looks into ({@link ProjectFolder#SKIPPED_FOLDERS}), derived ones (build
 * output) and team-private ones.
 */
final class LuaProjectFiles {

	private LuaProjectFiles() {
	}

	/** Whether {@code resource} is a Lua file of its project. */
	static boolean isLua(IResource resource) {
		return resource.getType() == IResource.FILE && "lua".equals(resource.getFileExtension()) && isSearched(resource);
	}

	/** Whether {@code resource} is a lint configuration: a change to it changes every file's findings. */
	static boolean isLintConfig(IResource resource) {
		return resource.getType() == IResource.FILE && NewProjectFiles.LUACHECK_CONFIG.equals(resource.getName());
	}

	/** Whether neither {@code resource} nor a folder above it in its project is left out. */
	static boolean isSearched(IResource resource) {
		for (IResource r = resource; r != null && r.getType() != IResource.PROJECT; r = r.getParent()) {
			if (r.isDerived() || r.isTeamPrivateMember()
					|| r.getType() == IResource.FOLDER && ProjectFolder.SKIPPED_FOLDERS.contains(r.getName())) {
				return false;
			}
		}
		return true;
	}

	/** The Lua files of {@code project} that exist in the workspace and on disk. */
	static List<IFile> all(IProject project) throws CoreException {
		List<IFile> files = new ArrayList<>();
		project.accept(resource -> {
			if (resource.getType() == IResource.FOLDER && !isSearched(resource)) {
				return false;
			}
			if (isLua(resource) && resource.getLocation() != null) {
				files.add((IFile) resource);
			}
			return true;
		});
		return files;
	}
}
