package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.emulator.PtyBridge;
import pearl.emulator.PtyDirectory;

/** Emulated boards on pseudo-terminals are listed for other Pearl processes while they are open, and only then. */
class PtyDirectoryTest {

    @TempDir
    Path folder;
    private String before;

    @BeforeEach
    void useFolder() {
        before = System.getProperty("pearl.ptys");
        System.setProperty("pearl.ptys", folder.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("pearl.ptys");
        } else {
            System.setProperty("pearl.ptys", before);
        }
    }

    @Test
    void anOpenTerminalIsListedWithItsProcessUntilItCloses() throws Exception {
        try (PtyBridge pty = PtyBridge.open("pearl run weather-station")) {
            assertEquals(List.of(new PtyDirectory.Entry(pty.device(), ProcessHandle.current().pid(), "pearl run weather-station")),
                    PtyDirectory.list());
        }
        assertEquals(List.of(), PtyDirectory.list());
    }

    @Test
    void anEntryOfAProcessThatHasEndedIsDroppedAndRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = folder.resolve(gone.pid() + "-dev-pts-99.properties");
        Files.writeString(stale, "device=/dev/null\npid=" + gone.pid() + "\nlabel=pearl run old\n");
        Files.writeString(folder.resolve("half.properties"), "device=/dev/null\n");
        assertTrue(PtyDirectory.list().isEmpty());
        assertFalse(Files.exists(stale), "the stale entry is cleaned up");
    }
}
