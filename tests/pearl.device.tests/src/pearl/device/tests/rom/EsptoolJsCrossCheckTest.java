package pearl.device.tests.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/**
 * Espressif's own JavaScript client, esptool-js, against the simulator: someone else's reading of
 * the protocol must find an ESP8266 and the same MAC as Pearl's client does. Runs when Node.js and
 * {@code esptool-js/node_modules} ({@code npm install} in that folder) are present; skipped
 * otherwise.
 */
class EsptoolJsCrossCheckTest {

    @Test
    void esptoolJsFindsTheSimulatedChipAndItsMac() throws Exception {
        Path script = Path.of("esptool-js", "identify.mjs").toAbsolutePath();
        assumeTrue(Files.isDirectory(script.resolveSibling("node_modules").resolve("esptool-js")), "esptool-js not installed");
        assumeTrue(nodeAvailable(), "node not on PATH");
        try (PtyPair pty = new PtyPair()) {
            RomBootloaderSimulator board = new RomBootloaderSimulator(pty.boardSide, Variant.ESP8266_ROM, true);
            try {
                Process node = new ProcessBuilder("node", script.toString(), pty.hostSide).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                boolean finished = node.waitFor(30, TimeUnit.SECONDS);
                if (!finished) {
                    node.destroyForcibly();
                }
                assertTrue(finished, "esptool-js finished");
                List<String> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("CHIP ") || l.startsWith("MAC ") || l.startsWith("ERROR ")).toList();
                assertEquals(List.of("CHIP ESP8266", "MAC 18:fe:34:a1:b2:c3"), lines);
                assertEquals(0, node.exitValue());
                assertEquals(List.of(), board.violations());
            } finally {
                board.close();
            }
        }
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
