package pearl.ui.launching;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * What the "Board" tabs of both launch types share: a three-column page that starts with the
 * project, the dialog told of every edit, and validation that checks the project first.
 */
abstract class BoardTab extends AbstractLaunchConfigurationTab {

    private final ProjectField project = new ProjectField();

    @Override
    public final void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        setControl(page);
        project.create(page, this::changed);
        createFields(page);
    }

    /** Adds the tab's own fields below the project, three columns to a row. */
    abstract void createFields(Composite page);

    /** Shows the attributes other than the project. */
    abstract void show(ILaunchConfiguration configuration) throws CoreException;

    /** Stores the fields other than the project. */
    abstract void store(ILaunchConfigurationWorkingCopy copy);

    /** The problem with the fields other than the project, for the user, or null. */
    abstract String problem();

    /** The project's name as chosen or typed. */
    final String projectName() {
        return project.name();
    }

    /** Tells the dialog the tab changed: it validates and enables Apply. */
    final void changed() {
        updateLaunchConfigurationDialog();
    }

    /** A button of {@code style} labelled {@code text} that tells the dialog when clicked. */
    final Button button(Composite parent, int style, String text) {
        Button b = new Button(parent, style);
        b.setText(text);
        b.addListener(SWT.Selection, e -> changed());
        return b;
    }

    @Override
    public final void initializeFrom(ILaunchConfiguration configuration) {
        try {
            project.initializeFrom(configuration);
            show(configuration);
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public final void performApply(ILaunchConfigurationWorkingCopy copy) {
        project.performApply(copy);
        store(copy);
    }

    @Override
    public final boolean isValid(ILaunchConfiguration configuration) {
        String p = project.problem();
        setErrorMessage(p != null ? p : problem());
        return getErrorMessage() == null;
    }

    @Override
    public String getName() {
        return "Board";
    }
}
