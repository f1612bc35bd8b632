package pearl.lua.ui.preferences;

import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Builds the workspace again after a setting that changes what the linter reports, so that the
 * Problems view follows the preferences and not only the open editors.
 */
final class WorkspaceRebuild extends Job {

	private WorkspaceRebuild() {
		super("Checking Lua files with the new settings");
		setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
	}

	/** Starts a full build in the background. */
	static void start() {
		new WorkspaceRebuild().schedule();
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.FULL_BUILD, monitor);
			return Status.OK_STATUS;
		} catch (CoreException e) {
			return e.getStatus();
		}
	}
}
