package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.device.repl.SerialLink;
import pearl.launch.boards.BoardFileSystem;
import pearl.launch.boards.BoardPty;
import pearl.launch.boards.BoardStorage.BoardFile;
import pearl.launch.boards.BoardStorage.Listing;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;
import pearl.launch.boards.SerialBoardFileSystem;

/** The files of a board on a serial port, through its prompt: an emulated board on a pseudo-terminal stands in for a real one. */
class SerialBoardFileSystemTest {

    private static final long WAIT_S = DebugEvents.TIMEOUT_S;

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void listsReadsWritesRunsAndDeletesOnTheBoardAtTheOtherEndOfTheLine() throws Exception {
        IFile init = Workspaces.project("serial", BoardFileSystemTest.LOGGER);
        ILaunch launch = Workspaces.emulator(init.getProject(), "", true).launch(ILaunchManager.RUN_MODE, null);
        IStreamsProxy streams = launch.getProcesses()[0].getStreamsProxy();
        EmulatorRunTest.await(() -> streams.getOutputStreamMonitor().getContents().contains("ready"), streams.getOutputStreamMonitor());
        RunningBoard board = RunningBoards.get().newestRunning();
        BoardFileSystem onBoard = new BoardFileSystem(board);

        try (BoardPty pty = BoardPty.open(board)) {
            SerialBoardFileSystem files = new SerialBoardFileSystem(pty.device(), SerialLink.DEFAULT_BAUD);
            assertEquals(pty.device(), files.label());

            Listing listing = files.list().get(WAIT_S, TimeUnit.SECONDS);
            // a real board does not count writes
            assertTrue(listing.files().contains(new BoardFile("log.txt", 13, -1)), listing.toString());
            Listing truth = onBoard.list().get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(truth.files().size(), listing.files().size(), listing + " against " + truth);
            assertEquals(truth.total(), listing.total());
            assertArrayEquals("one two three".getBytes(StandardCharsets.ISO_8859_1), files.read("log.txt").get(WAIT_S, TimeUnit.SECONDS));
            assertNull(files.read("none.txt").get(WAIT_S, TimeUnit.SECONDS));

            byte[] hello = "print(\"hello from \" .. 6 * 7)\n".getBytes(StandardCharsets.ISO_8859_1);
            assertTrue(files.write("hello.lua", hello).get(WAIT_S, TimeUnit.SECONDS));
            assertArrayEquals(hello, onBoard.read("hello.lua").get(WAIT_S, TimeUnit.SECONDS));
            assertEquals("hello from 42", files.run("hello.lua").get(WAIT_S, TimeUnit.SECONDS));

            assertTrue(files.delete("log.txt").get(WAIT_S, TimeUnit.SECONDS));
            assertNull(onBoard.read("log.txt").get(WAIT_S, TimeUnit.SECONDS));
            assertFalse(files.delete("log.txt").get(WAIT_S, TimeUnit.SECONDS));
        }
    }
}
