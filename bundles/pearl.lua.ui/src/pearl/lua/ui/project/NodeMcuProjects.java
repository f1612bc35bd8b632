package pearl.lua.ui.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.ide.project.NewProjectFiles;

/** Makes NodeMCU projects: new ones from {@link NewProjectFiles}, from a folder of Lua files, or from an existing project. */
public final class NodeMcuProjects {

	private NodeMcuProjects() {
	}

	/**
	 * Creates and opens the project {@code name} with the NodeMCU nature and the files of a new
	 * project; {@code location} null means the workspace's default place.
	 */
	public static IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException {
		Map<String, String> files = NewProjectFiles.files();
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + name, 3 + files.size());
		IProject project = createEmpty(name, location, progress.split(3));
		for (Map.Entry<String, String> file : files.entrySet()) {
			project.getFile(file.getKey()).create(new ByteArrayInputStream(file.getValue().getBytes(StandardCharsets.UTF_8)), false,
					progress.split(1));
		}
		return project;
	}

	/**
	 * Creates the project {@code name} in the workspace's default place with a copy of the files
	 * under {@code folder} (not those in folders no Pearl tool looks into), and the NodeMCU nature.
	 */
	public static IProject importCopy(Path folder, String name, IProgressMonitor monitor) throws CoreException {
		IProject project = createEmpty(name, null, monitor);
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path source : walk.sorted().toList()) {
				Path relative = folder.relativize(source);
				if (relative.toString().isEmpty() || isSkipped(relative)) {
					continue;
				}
				if (Files.isDirectory(source)) {
					IFolder target = project.getFolder(relative.toString());
					target.create(false, true, null);
				} else {
					try (InputStream in = Files.newInputStream(source)) {
						project.getFile(relative.toString()).create(in, false, null);
					}
				}
			}
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot copy the sample project " + folder + ": " + e.getMessage(), e));
		}
		return project;
	}

	/** Adds the NodeMCU nature, and so the Lua builder, to an open project. */
	public static void addNature(IProject project, IProgressMonitor monitor) throws CoreException {
		IProjectDescription description = project.getDescription();
		List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
		if (!natures.contains(NodeMcuNature.ID)) {
			natures.add(NodeMcuNature.ID);
			description.setNatureIds(natures.toArray(new String[0]));
			project.setDescription(description, monitor);
		}
	}

	private static IProject createEmpty(String name, URI location, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(name);
		IProjectDescription description = workspace.newProjectDescription(name);
		description.setLocationURI(location);
		SubMonitor progress = SubMonitor.convert(monitor, 3);
		project.create(description, progress.split(1));
		project.open(progress.split(1));
		addNature(project, progress.split(1)); // natures given to create() are not configured: the builder would be missing
		return project;
	}

	private static boolean isSkipped(Path relative) {
		for (Path part : relative) {
			if (ProjectFolder.SKIPPED_FOLDERS.contains(part.toString())) {
				return true;
			}
		}
		return false;
	}
}
