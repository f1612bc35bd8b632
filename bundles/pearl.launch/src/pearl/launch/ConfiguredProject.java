package pearl.launch;

import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;

/** The project a Pearl launch configuration names (emulator and device alike share the attribute). */
public final class ConfiguredProject {

    /** The workspace project whose files the board gets (String). */
    public static final String ATTRIBUTE = "pearl.launch.project";

    private ConfiguredProject() {
    }

    /** The project {@code configuration} names, or null when it names none. */
    public static IProject of(ILaunchConfiguration configuration) throws CoreException {
        String name = configuration.getAttribute(ATTRIBUTE, "").trim();
        return name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
    }

    /**
     * The folder on disk of the project {@code configuration} names.
     *
     * @throws CoreException when it names none, or one that is closed, missing or not local
     */
    public static Path folder(ILaunchConfiguration configuration) throws CoreException {
        IProject project = of(configuration);
        if (project == null) {
            throw PearlLaunching.error("the launch configuration names no project", null);
        }
        if (!project.isOpen()) {
            throw PearlLaunching.error("project '" + project.getName() + "' does not exist or is closed", null);
        }
        if (project.getLocation() == null) {
            throw PearlLaunching.error("project '" + project.getName() + "' is not on the local file system", null);
        }
        return project.getLocation().toFile().toPath();
    }
}
