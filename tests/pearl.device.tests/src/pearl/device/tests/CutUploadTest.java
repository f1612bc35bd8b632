package pearl.device.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.ReplUploader;
import pearl.device.repl.SerialLink;
import pearl.emulator.PtyBoard;

/**
 * The promise that matters most: an upload cut at any byte (the port closed mid-transfer) leaves
 * the old file as it was, and the next connect leaves no temporary file behind.
 */
class CutUploadTest {

    /** Cuts made; a seeded random sample of offsets over the whole transfer. */
    static final int CUTS = Integer.getInteger("pearl.cuts", 100);

    @TempDir
    Path project;

    @Test
    void anUploadCutAtRandomBytesNeverLosesTheOldFile() throws Exception {
        String old = "print('the old version')\n";
        try (PtyBoard board = PtyBoard.start(project, Map.of("init.lua", "\n", "app.lua", old))) {
            byte[] fresh = new byte[700];
            new Random(9).nextBytes(fresh);
            // how many bytes a whole upload sends, counted on an upload to a name as long
            long total;
            try (ReplClient client = ReplClient.connect(SerialLink.open(board.device(), 115200), ReplClient.CONNECT_MILLIS)) {
                long before = client.session().bytesSent();
                new ReplUploader(client).upload("new.lua", fresh, ReplUploader.Options.PLAIN, (f, d, t) -> {
                });
                total = client.session().bytesSent() - before;
            }
            Random random = new Random(2026);
            int keptOld = 0;
            for (int cut = 0; cut < CUTS; cut++) {
                long at = (long) (random.nextDouble() * total);
                CuttingLink link = new CuttingLink(SerialLink.open(board.device(), 115200), Long.MAX_VALUE);
                ReplClient client = ReplClient.connect(link, ReplClient.CONNECT_MILLIS);
                // the budget counts from here: the connect's own lines are not part of the upload
                link.cutAfter(at);
                assertThrows(DeviceException.class, () -> new ReplUploader(client).upload("app.lua", fresh, ReplUploader.Options.PLAIN, (f, d, t) -> {
                }), "cut at byte " + at + " of " + total);
                client.close();
                byte[] now = board.file("app.lua");
                assertTrue(Arrays.equals(now, old.getBytes(StandardCharsets.ISO_8859_1)),
                        "cut at byte " + at + " of " + total + ": app.lua is " + (now == null ? "gone" : now.length + " bytes"));
                keptOld++;
                // the next connect removes the temporary file
                try (ReplClient next = ReplClient.connect(SerialLink.open(board.device(), 115200), ReplClient.CONNECT_MILLIS)) {
                    assertFalse(board.board().spiffs().list().containsKey("pearl~up.tmp"), "temporary file left after cut at " + at);
                }
            }
            assertEquals(CUTS, keptOld);
            // and an uncut upload then goes through
            try (ReplClient client = ReplClient.connect(SerialLink.open(board.device(), 115200), ReplClient.CONNECT_MILLIS)) {
                new ReplUploader(client).upload("app.lua", fresh, ReplUploader.Options.PLAIN, (f, d, t) -> {
                });
            }
            assertArrayEquals(fresh, board.file("app.lua"));
        }
    }
}
