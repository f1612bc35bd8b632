package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pearl.emulator.PtyBoard;
import pearl.launch.PearlLaunching;
import pearl.launch.ProjectConfigurations;
import pearl.launch.device.DeviceAttributes;

/**
 * "NodeMCU Device" launches against an emulated board on a pseudo-terminal, which the launch
 * opens as it would a real board's serial port.
 */
class DeviceLaunchTest {

    private PtyBoard board;
    // each run's files differ, so no hash remembered from an earlier run makes them look uploaded
    private final String token = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void boardOnPty() throws Exception {
        Path flash = Files.createTempDirectory("pearl-device-board");
        board = PtyBoard.start(flash, Map.of("init.lua", "print('old init')\n"));
    }

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
        board.close();
    }

    @Test
    void theProjectIsUploadedTheBoardRestartsAndTheConsoleTalksToIt() throws Exception {
        IFile init = Workspaces.project("device", "dofile('lib.lua')\nprint('booted " + token + "', helper())\n");
        String lib = "-- a module\nfunction helper()\n  return 'helped'\nend\n";
        write(init.getProject(), "lib.lua", lib);
        int boots = board.board().boots();

        ILaunch launch = device(init.getProject(), board.device(), false, true, true).launch(ILaunchManager.RUN_MODE, null);
        IProcess process = launch.getProcesses()[0];
        IStreamMonitor uart = process.getStreamsProxy().getOutputStreamMonitor();

        assertArrayEquals(lib.getBytes(StandardCharsets.ISO_8859_1), board.file("lib.lua"));
        assertEquals("dofile('lib.lua')\nprint('booted " + token + "', helper())\n",
                new String(board.file("init.lua"), StandardCharsets.ISO_8859_1));
        assertTrue(board.board().boots() > boots, "the board restarted");
        EmulatorRunTest.await(() -> uart.getContents().contains("booted " + token + "\thelped"), uart);
        assertTrue(!process.isTerminated(), "the console stays open");

        process.getStreamsProxy().write("print(6*7)\n");
        EmulatorRunTest.await(() -> uart.getContents().contains("42"), uart);
        assertTrue(!uart.getContents().contains("print(6*7)"), "the board's echo of a typed line is not shown twice");

        process.terminate();
        assertTrue(process.isTerminated());
        assertTrue(launch.isTerminated());
    }

    @Test
    void changedOnlySkipsTheFilesTheBoardAlreadyHas() throws Exception {
        IFile init = Workspaces.project("changed", "print('one " + token + "')\n");
        write(init.getProject(), "lib.lua", "x = '" + token + "'\n");

        String first = uploadAndEnd(init.getProject());
        assertTrue(first.contains("lib.lua: uploaded and verified") && first.contains("init.lua: uploaded and verified"), first);

        write(init.getProject(), "init.lua", "print('two " + token + "')\n");
        String second = uploadAndEnd(init.getProject());
        assertTrue(second.contains("lib.lua: unchanged, skipped"), second);
        assertTrue(second.contains("init.lua: uploaded and verified"), second);
        assertEquals("print('two " + token + "')\n", new String(board.file("init.lua"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPortThatIsNotThereIsAClearError() throws Exception {
        IFile init = Workspaces.project("noport", "print(1)\n");
        CoreException e = assertThrows(CoreException.class,
                () -> device(init.getProject(), "/dev/pearl-no-such-port", false, true, true).launch(ILaunchManager.RUN_MODE, null));
        assertTrue(e.getMessage().contains("no such port: /dev/pearl-no-such-port"), e.getMessage());
    }

    /** Uploads changed files without restart or console; the launch's messages. */
    private String uploadAndEnd(IProject project) throws Exception {
        ILaunch launch = device(project, board.device(), true, false, false).launch(ILaunchManager.RUN_MODE, null);
        IProcess process = launch.getProcesses()[0];
        assertTrue(process.isTerminated(), "without a console the launch ends after the upload");
        assertEquals(0, process.getExitValue());
        return process.getStreamsProxy().getErrorStreamMonitor().getContents();
    }

    private static ILaunchConfigurationWorkingCopy device(IProject project, String port, boolean changedOnly, boolean restart,
            boolean console) throws CoreException {
        ILaunchConfigurationWorkingCopy copy = ProjectConfigurations.create(PearlLaunching.DEVICE_TYPE, project);
        copy.setAttribute(DeviceAttributes.PORT, port);
        copy.setAttribute(DeviceAttributes.CHANGED_ONLY, changedOnly);
        copy.setAttribute(DeviceAttributes.RESTART, restart);
        copy.setAttribute(DeviceAttributes.OPEN_CONSOLE, console);
        return copy;
    }

    private static void write(IProject project, String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        ByteArrayInputStream bytes = new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1));
        if (file.exists()) {
            file.setContents(bytes, IResource.FORCE, null);
        } else {
            file.create(bytes, IResource.FORCE, null);
        }
    }
}
