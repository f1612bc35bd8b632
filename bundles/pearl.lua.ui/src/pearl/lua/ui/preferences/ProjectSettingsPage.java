package pearl.lua.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.IWorkbenchPropertyPage;

/**
 * A page that is both a workspace preference page and a project property page: on a project it
 * starts with "Enable project specific settings", and the settings below follow that box.
 */
abstract class ProjectSettingsPage extends PreferencePage implements IWorkbenchPreferencePage, IWorkbenchPropertyPage {

	private IProject project;
	private Button projectSpecific;
	private Composite settings;

	@Override
	public void init(IWorkbench workbench) {
		// nothing to set up: the settings are read when the page is made
	}

	@Override
	public IAdaptable getElement() {
		return project;
	}

	@Override
	public void setElement(IAdaptable element) {
		project = element.getAdapter(IProject.class);
	}

	/** The project of a property page, or null on the workspace's preference page. */
	protected final IProject project() {
		return project;
	}

	@Override
	protected final Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		boolean editable = true;
		if (project != null) {
			projectSpecific = new Button(page, SWT.CHECK);
			projectSpecific.setText("Enable project specific settings");
			projectSpecific.setSelection(hasProjectSettings(project));
			projectSpecific.addListener(SWT.Selection, event -> setEnabled(settings, projectSpecific.getSelection()));
			new Label(page, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			editable = projectSpecific.getSelection();
		}
		settings = new Composite(page, SWT.NONE);
		settings.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		settings.setLayout(new GridLayout(1, false));
		createSettings(settings);
		setEnabled(settings, editable);
		return page;
	}

	/** Whether this page's project specific box is ticked (false on the workspace page). */
	protected final boolean isProjectSpecific() {
		return projectSpecific != null && projectSpecific.getSelection();
	}

	@Override
	public final boolean performOk() {
		if (project == null) {
			saveWorkspace();
		} else if (isProjectSpecific()) {
			saveProject(project);
		} else {
			removeProjectSettings(project);
		}
		return true;
	}

	private static void setEnabled(Control control, boolean enabled) {
		control.setEnabled(enabled);
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				setEnabled(child, enabled);
			}
		}
	}

	/** Makes the page's widgets in {@code parent} (a one-column grid), showing what applies now. */
	protected abstract void createSettings(Composite parent);

	/** Whether {@code project} has settings of its own. */
	protected abstract boolean hasProjectSettings(IProject project);

	/** Saves what the page shows as the workspace's settings. */
	protected abstract void saveWorkspace();

	/** Saves what the page shows as {@code project}'s own settings. */
	protected abstract void saveProject(IProject project);

	/** Forgets {@code project}'s own settings: the workspace's apply again. */
	protected abstract void removeProjectSettings(IProject project);
}
