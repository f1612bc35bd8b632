package pearl.lua.ui.preferences;

import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import pearl.lua.ui.LuaEditor;

/**
 * Lints the open editors and builds the workspace again after a setting that changes what the
 * linter reports, so that the annotations and the Problems view follow the preferences at once.
 */
final class WorkspaceRebuild extends Job {

	private WorkspaceRebuild() {
		super("Checking Lua files with the new settings");
		setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
	}

	/** Lints the open editors again and starts a full build in the background. */
	static void start() {
		LuaEditor.relintAll();
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
