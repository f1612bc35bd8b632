package pearl.lua.ui.project;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

import pearl.lua.ide.project.NewProjectFiles;

/**
 * A newcomer's first look: when the IDE starts with the system property {@value #SAMPLE_PROPERTY}
 * naming a folder ({@code ./pearl ide} sets it for the fresh workspace it makes) and the
 * workspace has no project yet, a copy of that folder becomes a NodeMCU project, built at once,
 * and its {@code init.lua} opens in the Lua editor. A workspace that has projects is never touched.
 */
public final class SampleProjectStartup implements IStartup {

	/** The system property naming the sample project's folder. */
	public static final String SAMPLE_PROPERTY = "pearl.sample";

	@Override
	public void earlyStartup() {
		String folder = System.getProperty(SAMPLE_PROPERTY);
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		if (folder == null || root.getProjects().length > 0) {
			return;
		}
		Path sample = Path.of(folder);
		if (!Files.isDirectory(sample)) {
			ILog.of(getClass()).warn("No sample project: " + SAMPLE_PROPERTY + " names " + sample + ", which is not a folder");
			return;
		}
		try {
			IProject[] project = new IProject[1];
			ResourcesPlugin.getWorkspace().run(monitor -> project[0] = NodeMcuProjects.importCopy(sample, sample.getFileName().toString(),
					monitor), null);
			open(project[0]);
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
		}
	}

	private static void open(IProject project) {
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> {
			IWorkbenchWindow[] windows = workbench.getWorkbenchWindows();
			if (windows.length == 0 || windows[0].getActivePage() == null || !project.getFile(NewProjectFiles.INIT).exists()) {
				return;
			}
			try {
				// the sample's findings in front, so a newcomer sees what the builder found
				windows[0].getActivePage().showView(IPageLayout.ID_PROBLEM_VIEW, null, IWorkbenchPage.VIEW_VISIBLE);
				IDE.openEditor(windows[0].getActivePage(), project.getFile(NewProjectFiles.INIT));
			} catch (PartInitException e) {
				ILog.of(SampleProjectStartup.class).log(e.getStatus());
			}
		});
	}
}
