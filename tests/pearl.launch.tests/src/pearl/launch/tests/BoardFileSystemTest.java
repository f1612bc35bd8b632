package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.boards.BoardFileSystem;
import pearl.launch.boards.BoardStorage.BoardFile;
import pearl.launch.boards.BoardStorage.Listing;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;

/** The SPIFFS of a launched board as the views reach it: listing, reading, writing, deleting, running. */
class BoardFileSystemTest {

    /** Writes log.txt three times, then prints "ready". */
    static final String LOGGER = """
            local f = file.open("log.txt", "w")
            f:write("one ")
            f:write("two ")
            f:write("three")
            f:close()
            print("ready")
            """;

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void theBoardsFilesWithSizesAndWritesAndWhatChangesThem() throws Exception {
        IFile init = Workspaces.project("files", LOGGER);
        ILaunch launch = Workspaces.emulator(init.getProject(), "", true).launch(ILaunchManager.RUN_MODE, null);
        IStreamMonitor uart = launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor();
        EmulatorRunTest.await(() -> uart.getContents().contains("ready"), uart);
        BoardFileSystem files = new BoardFileSystem(boardOf(launch));
        Set<String> changed = ConcurrentHashMap.newKeySet();

        try (AutoCloseable watch = files.watch(changed::add)) {
            Listing listing = files.list().get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS);
            // the project's init.lua is on the board too, written once when the board was built
            assertTrue(listing.files().contains(new BoardFile("log.txt", 13, 3)), listing.toString());
            assertTrue(listing.files().stream().anyMatch(f -> f.name().equals("init.lua")), listing.toString());
            assertTrue(listing.used() > 0 && listing.used() < listing.total(), listing.toString());
            assertArrayEquals("one two three".getBytes(StandardCharsets.ISO_8859_1), files.read("log.txt").get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
            assertNull(files.read("none.txt").get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));

            assertTrue(files.write("hello.lua", "print(\"hello from \" .. 6 * 7)\n".getBytes(StandardCharsets.ISO_8859_1))
                    .get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
            files.run("hello.lua");
            EmulatorRunTest.await(() -> uart.getContents().contains("hello from 42"), uart);

            assertTrue(files.delete("log.txt").get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
            assertFalse(files.delete("log.txt").get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
            List<String> names = files.list().get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS).files().stream().map(BoardFile::name).toList();
            assertTrue(names.contains("hello.lua") && !names.contains("log.txt"), names.toString());
            assertTrue(changed.containsAll(List.of("hello.lua", "log.txt")), changed.toString());
        }
    }

    @Test
    void aFileTooBigForTheFlashIsRefused() throws Exception {
        IFile init = Workspaces.project("full", "print(\"ready\")\n");
        ILaunch launch = Workspaces.emulator(init.getProject(), "", true).launch(ILaunchManager.RUN_MODE, null);
        BoardFileSystem files = new BoardFileSystem(boardOf(launch));
        long total = files.list().get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS).total();
        assertFalse(files.write("huge.bin", new byte[(int) total + 1]).get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
        assertNull(files.read("huge.bin").get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void aFinishedRunsFilesCanStillBeRead() throws Exception {
        IFile init = Workspaces.project("done", LOGGER);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "1s", false).launch(ILaunchManager.RUN_MODE, null);
            RunningBoard board = boardOf(launch);
            events.await(org.eclipse.debug.core.DebugEvent.TERMINATE, -1, pearl.launch.process.EmulatorProcess.class);
            EmulatorRunTest.await(board::ended, launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor());
            Listing listing = new BoardFileSystem(board).list().get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS);
            assertTrue(listing.files().contains(new BoardFile("log.txt", 13, 3)), listing.toString());
        }
    }

    private static RunningBoard boardOf(ILaunch launch) {
        RunningBoard board = RunningBoards.get().all().stream().filter(b -> b.launch() == launch).findFirst().orElse(null);
        assertNotNull(board, "the launch's board is not listed");
        return board;
    }
}
