package pearl.launch.sourcelookup;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.ProjectSourceContainer;

import pearl.launch.ConfiguredProject;

/** A launch's sources are its project's files: the board's SPIFFS is made of them. */
public final class LuaSourcePathComputer implements ISourcePathComputerDelegate {

    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration configuration, IProgressMonitor monitor)
            throws CoreException {
        IProject project = ConfiguredProject.of(configuration);
        return project == null ? new ISourceContainer[0] : new ISourceContainer[] { new ProjectSourceContainer(project, false) };
    }
}
