package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.junit.jupiter.api.Test;

import pearl.device.rom.FirmwareFlasher;
import pearl.device.rom.FlashImage;
import pearl.ui.boards.BoardsView;
import pearl.ui.boards.FlashFirmwareDialog;
import pearl.ui.boards.FlashFirmwareJob;

/**
 * Flashing firmware from the IDE: the Boards view's dialog checks the images before anything
 * touches a port, and the job reports a failure in the board's console and its result. (The
 * flash itself is FirmwareFlasher, which the device tests drive against the ROM loader simulator
 * and Pearl's stub on an emulated lx106.)
 */
class FlashFirmwareTest {

    @Test
    void theDialogChecksTheImagesBeforeAnythingTouchesThePort() throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        Path folder = Files.createTempDirectory("pearl-flash");
        Path notes = Files.writeString(folder.resolve("notes.bin"), "hello", StandardCharsets.US_ASCII);
        byte[] image = new byte[8192];
        image[0] = (byte) FlashImage.IMAGE_MAGIC;
        Path firmware = Files.write(folder.resolve("nodemcu.bin"), image);
        Path spiffs = Files.write(folder.resolve("spiffs.img"), new byte[4096]);

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(BoardsView.ID);
        FlashFirmwareDialog dialog = new FlashFirmwareDialog(display.getActiveShell(), "/dev/ttyUSB0");
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.fill("/dev/ttyUSB0", "", "", "");
            assertFalse(dialog.pressOk());
            assertEquals("Choose a firmware image.", dialog.getErrorMessage());

            dialog.fill("/dev/ttyUSB0", notes.toString(), "", "");
            assertFalse(dialog.pressOk());
            assertEquals("notes.bin: not a firmware image (first byte 0x68, expected 0xE9); only a firmware binary can go at 0x0",
                    dialog.getErrorMessage());

            dialog.fill("/dev/ttyUSB0", firmware.toString(), spiffs.toString(), "");
            assertFalse(dialog.pressOk());
            assertEquals("Give the file-system image's flash address (e.g. 0x100000).", dialog.getErrorMessage());

            dialog.fill("/dev/ttyUSB0", firmware.toString(), spiffs.toString(), "0x1000");
            assertFalse(dialog.pressOk());
            assertTrue(dialog.getErrorMessage().endsWith("overlap (they share a 4 KB sector)"), dialog.getErrorMessage());

            dialog.fill("/dev/ttyUSB0", firmware.toString(), spiffs.toString(), "0x100000");
            Workbenches.flushEvents(display, 200);
            Workbenches.screenshot(display, "flash-firmware-dialog.png");
            assertTrue(dialog.pressOk(), "" + dialog.getErrorMessage());
            FirmwareFlasher.Request request = dialog.request();
            assertEquals("/dev/ttyUSB0", request.port());
            assertEquals(List.of("nodemcu.bin@0x0", "spiffs.img@0x100000"),
                    request.images().stream().map(i -> i.label() + "@0x" + Integer.toHexString(i.address())).toList());
            assertTrue(request.useStub(), "verification through the stub is the default");
            assertTrue(request.reboot());
        } finally {
            dialog.close();
        }
    }

    @Test
    void flashingAPortThatIsNotThereFailsNamingItInTheBoardsConsole() throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        byte[] image = new byte[4096];
        image[0] = (byte) FlashImage.IMAGE_MAGIC;
        FlashFirmwareJob job = new FlashFirmwareJob(
                new FirmwareFlasher.Request("/dev/ttyPEARL-none", 115200, List.of(FlashImage.of(0, image, "nodemcu.bin")), true, true));
        job.setUser(false); // a user job's failure opens a modal dialog, which would wait for a person
        job.schedule();
        job.join();
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertEquals("Flashing /dev/ttyPEARL-none failed: no such port: /dev/ttyPEARL-none", job.getResult().getMessage());
        String log = Workbenches.await(display, () -> {
            for (IConsole console : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
                if (console instanceof MessageConsole message && console.getName().equals("NodeMCU board on /dev/ttyPEARL-none")
                        && message.getDocument().get().contains("failed")) {
                    return message.getDocument().get();
                }
            }
            return null;
        });
        assertNotNull(log, "the board's console got the failure");
        assertTrue(log.contains("flash: failed: no such port: /dev/ttyPEARL-none"), log);
    }
}
