package pearl.launch;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

/** The launch configurations of a project, as Run As finds or makes them. */
public final class ProjectConfigurations {

    private ProjectConfigurations() {
    }

    /** The first saved configuration of type {@code typeId} that names {@code project}, or null. */
    public static ILaunchConfiguration find(String typeId, IProject project) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(typeId);
        for (ILaunchConfiguration configuration : manager.getLaunchConfigurations(type)) {
            if (project.equals(ConfiguredProject.of(configuration))) {
                return configuration;
            }
        }
        return null;
    }

    /**
     * A new, unsaved configuration of type {@code typeId} for {@code project}, named after it and
     * otherwise with the attributes' defaults.
     */
    public static ILaunchConfigurationWorkingCopy create(String typeId, IProject project) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(typeId);
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(project.getName()));
        copy.setAttribute(ConfiguredProject.ATTRIBUTE, project.getName());
        copy.setMappedResources(new IResource[] { project });
        return copy;
    }
}
