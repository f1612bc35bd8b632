package pearl.ui.boards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import pearl.device.rom.FirmwareFlasher;
import pearl.device.rom.FlashImage;
import pearl.device.rom.RomBootloaderClient;

/**
 * Asks what to flash to a real board: the port, the firmware image (at 0x0 unless said
 * otherwise), optionally a file-system image with its address, whether to verify through Pearl's
 * flasher stub, and whether to reboot afterwards. OK reads and checks the images; a problem is
 * shown in the dialog, which stays open.
 */
public final class FlashFirmwareDialog extends TitleAreaDialog {

    private final String initialPort;
    private Text port;
    private Text firmware;
    private Text firmwareAddress;
    private Text fileSystem;
    private Text fileSystemAddress;
    private Button verifyWithStub;
    private Button reboot;
    private FirmwareFlasher.Request request;

    /** A dialog with {@code port} filled in (may be empty). */
    public FlashFirmwareDialog(Shell parent, String port) {
        super(parent);
        this.initialPort = port == null ? "" : port;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Flash NodeMCU Firmware");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Flash NodeMCU firmware to a board");
        setMessage("The board is reset into its ROM bootloader through DTR/RTS (hold FLASH while pressing RST on boards without that circuit).");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        port = field(form, "Serial port:", initialPort, false);
        firmware = field(form, "Firmware image:", "", true);
        firmwareAddress = field(form, "at address:", "0x0", false);
        fileSystem = field(form, "File-system image (optional):", "", true);
        fileSystemAddress = field(form, "at address:", "", false);
        verifyWithStub = check(form, "Verify every region by MD5 through Pearl's flasher stub (the ESP8266 ROM cannot hash flash)");
        reboot = check(form, "Reboot into the new firmware afterwards");
        return area;
    }

    private Text field(Composite form, String label, String value, boolean browse) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER);
        text.setText(value);
        // an error is about what OK last read: a change makes it stale
        text.addModifyListener(e -> setErrorMessage(null));
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, browse ? 1 : 2, 1));
        if (browse) {
            Button button = new Button(form, SWT.PUSH);
            button.setText("Browse...");
            button.addListener(SWT.Selection, e -> {
                FileDialog files = new FileDialog(form.getShell(), SWT.OPEN);
                files.setFilterExtensions(new String[] { "*.bin;*.img", "*" });
                String chosen = files.open();
                if (chosen != null) {
                    text.setText(chosen);
                }
            });
        }
        return text;
    }

    private static Button check(Composite form, String label) {
        Button box = new Button(form, SWT.CHECK);
        box.setText(label);
        box.setSelection(true);
        box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return box;
    }

    @Override
    protected void okPressed() {
        try {
            request = read();
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }

    /** What OK asked for; null before OK. */
    public FirmwareFlasher.Request request() {
        return request;
    }

    /** Sets the fields as a user would type them (for tests and for callers that know the images). */
    public void fill(String portName, String firmwarePath, String fileSystemPath, String fileSystemAt) {
        port.setText(portName);
        firmware.setText(firmwarePath);
        fileSystem.setText(fileSystemPath);
        fileSystemAddress.setText(fileSystemAt);
    }

    /** Presses OK as a user would; false when the dialog stayed open with an error. */
    public boolean pressOk() {
        buttonPressed(IDialogConstants.OK_ID);
        return request != null;
    }

    private FirmwareFlasher.Request read() {
        String portName = port.getText().strip();
        if (portName.isEmpty()) {
            throw new IllegalArgumentException("Name the serial port the board is on.");
        }
        if (firmware.getText().isBlank()) {
            throw new IllegalArgumentException("Choose a firmware image.");
        }
        List<FlashImage> images = new ArrayList<>();
        images.add(image(firmware.getText(), firmwareAddress.getText()));
        if (!fileSystem.getText().isBlank()) {
            if (fileSystemAddress.getText().isBlank()) {
                throw new IllegalArgumentException("Give the file-system image's flash address (e.g. 0x100000).");
            }
            images.add(image(fileSystem.getText(), fileSystemAddress.getText()));
            if (images.get(0).overlaps(images.get(1))) {
                throw new IllegalArgumentException(images.get(0) + " and " + images.get(1) + " overlap (they share a 4 KB sector)");
            }
        }
        return new FirmwareFlasher.Request(portName, RomBootloaderClient.ROM_BAUD, List.copyOf(images), verifyWithStub.getSelection(),
                reboot.getSelection());
    }

    private static FlashImage image(String path, String address) {
        Path file = Path.of(path.strip());
        int at = FlashImage.parseAddress(address);
        try {
            return FlashImage.of(at, Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
    }
}
