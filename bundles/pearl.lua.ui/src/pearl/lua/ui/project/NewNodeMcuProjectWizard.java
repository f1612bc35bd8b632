package pearl.lua.ui.project;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

import pearl.lua.ide.project.NewProjectFiles;

/**
 * File &gt; New &gt; NodeMCU Project: a project with the NodeMCU nature, a safe {@code init.lua}, an
 * app and a {@code .luacheckrc} ({@link NewProjectFiles}); {@code init.lua} opens when it is made.
 */
public final class NewNodeMcuProjectWizard extends Wizard implements INewWizard {

	/** The wizard's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.newNodeMcuProject";

	private IWorkbench workbench;
	private WizardNewProjectCreationPage page;
	private IProject created;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		setWindowTitle("New NodeMCU Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("nodemcuProject");
		page.setTitle("NodeMCU Project");
		page.setDescription("An init.lua that starts app.lua after " + NewProjectFiles.START_DELAY_MS / 1000
				+ " s (time to stop a failing app at the prompt), the app, and a .luacheckrc.");
		addPage(page);
	}

	/** The project the wizard made, or null before it finished. */
	public IProject created() {
		return created;
	}

	@Override
	public boolean performFinish() {
		String name = page.getProjectName();
		URI location = page.useDefaults() ? null : page.getLocationURI();
		try {
			getContainer().run(false, false, new WorkspaceModifyOperation() {
				@Override
				protected void execute(IProgressMonitor monitor) throws CoreException {
					created = NodeMcuProjects.create(name, location, monitor);
				}
			});
		} catch (InvocationTargetException e) {
			CoreException cause = e.getCause() instanceof CoreException core ? core : null;
			ErrorDialog.openError(getShell(), "New NodeMCU Project", "Cannot create the project " + name + ".",
					cause != null ? cause.getStatus() : Status.error(String.valueOf(e.getCause()), e.getCause()));
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		openInit();
		return true;
	}

	private void openInit() {
		IWorkbenchPage active = workbench.getActiveWorkbenchWindow() == null ? null : workbench.getActiveWorkbenchWindow().getActivePage();
		if (active != null) {
			try {
				IDE.openEditor(active, created.getFile(NewProjectFiles.INIT));
			} catch (PartInitException e) {
				ErrorDialog.openError(getShell(), "New NodeMCU Project", "The project is made but init.lua cannot be opened.", e.getStatus());
			}
		}
	}
}
