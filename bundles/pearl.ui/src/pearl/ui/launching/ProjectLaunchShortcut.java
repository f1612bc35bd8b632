package pearl.ui.launching;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

import pearl.launch.ProjectConfigurations;

/**
 * Run As / Debug As on a NodeMCU project or one of its {@code .lua} files: launches the project's
 * configuration of this shortcut's type, made on first use.
 *
 * A {@code .lua} file launches its whole project: a NodeMCU board runs {@code init.lua} at boot
 * and nothing else, so "running" another file means booting the board that has it, as the user's
 * init.lua decides; a board that ran only that file would be one no user has.
 */
abstract class ProjectLaunchShortcut implements ILaunchShortcut {

    private final String type;

    ProjectLaunchShortcut(String type) {
        this.type = type;
    }

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
            IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
            if (resource != null) {
                launch(resource.getProject(), mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile file = editor.getEditorInput().getAdapter(IFile.class);
        if (file != null) {
            launch(file.getProject(), mode);
        }
    }

    /** Launches {@code project}'s configuration of this type in {@code mode}, made first if it has none. */
    void launch(IProject project, String mode) {
        try {
            ILaunchConfiguration configuration = ProjectConfigurations.find(type, project);
            if (configuration == null) {
                ILaunchConfigurationWorkingCopy copy = ProjectConfigurations.create(type, project);
                completeNew(copy);
                configuration = copy.doSave();
            }
            if (ready(configuration, mode)) {
                DebugUITools.launch(configuration, mode);
            }
        } catch (CoreException e) {
            ErrorDialog.openError(shell(), "Cannot launch " + project.getName(), null, e.getStatus());
        }
    }

    /** Fills in what a new configuration needs beyond its project. */
    void completeNew(ILaunchConfigurationWorkingCopy copy) {
    }

    /** Whether {@code configuration} can launch as it is; it may ask the user first. */
    boolean ready(ILaunchConfiguration configuration, String mode) throws CoreException {
        return true;
    }

    static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }
}
