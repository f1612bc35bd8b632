package pearl.ui.launching;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import pearl.device.SerialPorts;
import pearl.device.repl.SerialLink;
import pearl.launch.device.DeviceAttributes;

/** The "Board" tab of a "NodeMCU Device" configuration: which project, which port, how to upload and what then. */
public final class DeviceTab extends BoardTab {

    private static final String[] BAUDS = { "9600", "57600", "74880", "115200", "230400", "460800", "921600" };

    private Combo port;
    private Combo baud;
    private Button changedOnly;
    private Button allFiles;
    private Button compile;
    private Button minify;
    private Button restart;
    private Button openConsole;

    @Override
    void createFields(Composite page) {
        new Label(page, SWT.NONE).setText("Serial p&ort:");
        // editable: a port that is not plugged in yet, or a pty, can be typed
        port = new Combo(page, SWT.DROP_DOWN);
        port.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        port.addModifyListener(e -> changed());
        Button refresh = new Button(page, SWT.PUSH);
        refresh.setText("R&efresh");
        refresh.addListener(SWT.Selection, e -> refreshPorts());
        refreshPorts();

        new Label(page, SWT.NONE).setText("&Baud:");
        baud = new Combo(page, SWT.DROP_DOWN);
        baud.setItems(BAUDS);
        baud.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        baud.addModifyListener(e -> changed());

        Group upload = group(page, "Upload");
        changedOnly = button(upload, SWT.RADIO, "Only files &changed since the board got them");
        allFiles = button(upload, SWT.RADIO, "&All files");
        compile = button(upload, SWT.CHECK, "Co&mpile to .lc on the board (init.lua stays source)");
        minify = button(upload, SWT.CHECK, "M&inify: drop comments and indentation, keeping line numbers");

        Group after = group(page, "After the upload");
        restart = button(after, SWT.CHECK, "&Restart the board, so init.lua runs");
        openConsole = button(after, SWT.CHECK, "Open the board's &console");
    }

    private static Group group(Composite page, String title) {
        Group g = new Group(page, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(1, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return g;
    }

    /** Lists the ports present now, keeping what the user typed. */
    void refreshPorts() {
        String typed = port.getText();
        port.setItems(SerialPorts.present().toArray(String[]::new));
        port.setText(typed);
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy copy) {
        ProjectField.setDefault(copy);
        var present = SerialPorts.present();
        if (present.size() == 1) {
            copy.setAttribute(DeviceAttributes.PORT, present.get(0));
        }
    }

    @Override
    void show(ILaunchConfiguration configuration) throws CoreException {
        port.setText(configuration.getAttribute(DeviceAttributes.PORT, ""));
            baud.setText(Integer.toString(configuration.getAttribute(DeviceAttributes.BAUD, SerialLink.DEFAULT_BAUD)));
            boolean changed = configuration.getAttribute(DeviceAttributes.CHANGED_ONLY, true);
            changedOnly.setSelection(changed);
            allFiles.setSelection(!changed);
            compile.setSelection(configuration.getAttribute(DeviceAttributes.COMPILE, false));
            minify.setSelection(configuration.getAttribute(DeviceAttributes.MINIFY, false));
            restart.setSelection(configuration.getAttribute(DeviceAttributes.RESTART, true));
            openConsole.setSelection(configuration.getAttribute(DeviceAttributes.OPEN_CONSOLE, true));
    }

    @Override
    void store(ILaunchConfigurationWorkingCopy copy) {
        copy.setAttribute(DeviceAttributes.PORT, port.getText().trim());
        try {
            copy.setAttribute(DeviceAttributes.BAUD, Integer.parseInt(baud.getText().trim()));
        } catch (NumberFormatException e) {
            // isValid says so; the last good speed stays
        }
        copy.setAttribute(DeviceAttributes.CHANGED_ONLY, changedOnly.getSelection());
        copy.setAttribute(DeviceAttributes.COMPILE, compile.getSelection());
        copy.setAttribute(DeviceAttributes.MINIFY, minify.getSelection());
        copy.setAttribute(DeviceAttributes.RESTART, restart.getSelection());
        copy.setAttribute(DeviceAttributes.OPEN_CONSOLE, openConsole.getSelection());
    }

    @Override
    String problem() {
        if (port.getText().isBlank()) {
            return "Choose the board's serial port";
        }
        try {
            if (Integer.parseInt(baud.getText().trim()) > 0) {
                return null;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "The baud rate is a positive whole number, not '" + baud.getText().trim() + "'";
    }

    @Override
    public String getId() {
        return "pearl.ui.launching.deviceTab";
    }
}
