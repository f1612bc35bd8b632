package pearl.ui.launching;

import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import pearl.emulator.Durations;
import pearl.launch.emulator.EmulatorAttributes;

/** The "Board" tab of a "NodeMCU Emulator" configuration: which project, which board, how long and how fast. */
public final class EmulatorTab extends BoardTab {

    private Text profile;
    private Button virtualTime;
    private Button realTime;
    private Text runLength;
    private Text seed;
    private Button safeBoot;

    @Override
    void createFields(Composite page) {
        new Label(page, SWT.NONE).setText("Board &profile:");
        profile = new Text(page, SWT.BORDER);
        profile.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        profile.setMessage("the default NodeMCU build");
        profile.addModifyListener(e -> changed());
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> browseProfile());

        new Label(page, SWT.NONE).setText("Time:");
        virtualTime = radio(page, "&Virtual time, as fast as the host runs it");
        filler(page);
        realTime = radio(page, "&Real time, paced to the wall clock");

        new Label(page, SWT.NONE).setText("Run &length:");
        runLength = new Text(page, SWT.BORDER);
        runLength.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        runLength.setMessage("until terminated (or 500ms, 10s, 5m, 24h, 2d of virtual time)");
        runLength.addModifyListener(e -> changed());

        new Label(page, SWT.NONE).setText("&Seed:");
        seed = new Text(page, SWT.BORDER);
        seed.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        seed.addModifyListener(e -> changed());

        filler(page);
        safeBoot = button(page, SWT.CHECK, "Safe b&oot: start without running init.lua");
        safeBoot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    }

    private Button radio(Composite page, String text) {
        Button b = button(page, SWT.RADIO, text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return b;
    }

    private static void filler(Composite page) {
        new Label(page, SWT.NONE);
    }

    /** A profile inside the project is kept relative to it, so the configuration moves with the project. */
    private void browseProfile() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.json", "*" });
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName());
        Path folder = p.isOpen() && p.getLocation() != null ? p.getLocation().toFile().toPath() : null;
        if (folder != null) {
            dialog.setFilterPath(folder.toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            Path file = Path.of(chosen);
            profile.setText(folder != null && file.startsWith(folder) ? folder.relativize(file).toString().replace('\\', '/') : chosen);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy copy) {
        ProjectField.setDefault(copy);
        copy.setAttribute(EmulatorAttributes.REALTIME, true);
        copy.setAttribute(EmulatorAttributes.SEED, 1);
    }

    @Override
    void show(ILaunchConfiguration configuration) throws CoreException {
        profile.setText(configuration.getAttribute(EmulatorAttributes.PROFILE, ""));
            String length = configuration.getAttribute(EmulatorAttributes.RUN_LENGTH, "");
            runLength.setText(length);
            boolean realtime = configuration.getAttribute(EmulatorAttributes.REALTIME, length.isBlank());
            realTime.setSelection(realtime);
            virtualTime.setSelection(!realtime);
            seed.setText(Integer.toString(configuration.getAttribute(EmulatorAttributes.SEED, 1)));
            safeBoot.setSelection(configuration.getAttribute(EmulatorAttributes.SAFE_BOOT, false));
    }

    @Override
    void store(ILaunchConfigurationWorkingCopy copy) {
        copy.setAttribute(EmulatorAttributes.PROFILE, profile.getText().trim());
        copy.setAttribute(EmulatorAttributes.RUN_LENGTH, runLength.getText().trim());
        copy.setAttribute(EmulatorAttributes.REALTIME, realTime.getSelection());
        try {
            copy.setAttribute(EmulatorAttributes.SEED, Integer.parseInt(seed.getText().trim()));
        } catch (NumberFormatException e) {
            // isValid says so; the last good seed stays
        }
        copy.setAttribute(EmulatorAttributes.SAFE_BOOT, safeBoot.getSelection());
    }

    @Override
    String problem() {
        String length = runLength.getText().trim();
        if (!length.isEmpty()) {
            try {
                Durations.micros("The run length", length);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        try {
            Integer.parseInt(seed.getText().trim());
        } catch (NumberFormatException e) {
            return "The seed is a whole number, not '" + seed.getText().trim() + "'";
        }
        return null;
    }

    @Override
    public String getId() {
        return "pearl.ui.launching.emulatorTab";
    }
}
