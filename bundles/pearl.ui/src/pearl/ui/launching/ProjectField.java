package pearl.ui.launching;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import pearl.launch.ConfiguredProject;
import pearl.lua.ui.project.NodeMcuNature;

/** The "Project" row both launch tabs start with: a choice of the workspace's NodeMCU projects. */
final class ProjectField {

    private Combo combo;

    /** Adds the label and the combo to {@code parent} (three columns); {@code changed} runs on each edit. */
    void create(Composite parent, Runnable changed) {
        new Label(parent, SWT.NONE).setText("&Project:");
        combo = new Combo(parent, SWT.DROP_DOWN);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        combo.setItems(nodeMcuProjects().toArray(String[]::new));
        combo.addModifyListener(e -> changed.run());
    }

    void initializeFrom(ILaunchConfiguration configuration) throws CoreException {
        combo.setText(configuration.getAttribute(ConfiguredProject.ATTRIBUTE, ""));
    }

    void performApply(ILaunchConfigurationWorkingCopy copy) {
        copy.setAttribute(ConfiguredProject.ATTRIBUTE, combo.getText().trim());
    }

    /** The project's name as chosen or typed. */
    String name() {
        return combo.getText().trim();
    }

    /** The problem with the project chosen, or null. */
    String problem() {
        String name = combo.getText().trim();
        if (name.isEmpty()) {
            return "Choose a NodeMCU project";
        }
        if (!ResourcesPlugin.getWorkspace().getRoot().getProject(name).isOpen()) {
            return "There is no open project '" + name + "'";
        }
        return null;
    }

    /** A new configuration's project: the one selected in the workbench, if any. */
    static void setDefault(ILaunchConfigurationWorkingCopy copy) {
        IResource selected = DebugUITools.getSelectedResource();
        if (selected != null && selected.getProject() != null) {
            copy.setAttribute(ConfiguredProject.ATTRIBUTE, selected.getProject().getName());
        }
    }

    private static List<String> nodeMcuProjects() {
        List<String> names = new ArrayList<>();
        for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            try {
                if (project.isOpen() && project.hasNature(NodeMcuNature.ID)) {
                    names.add(project.getName());
                }
            } catch (CoreException e) {
                // a project whose description cannot be read is not offered
            }
        }
        return names;
    }
}
