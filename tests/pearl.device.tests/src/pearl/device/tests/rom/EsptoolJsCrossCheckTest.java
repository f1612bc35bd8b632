package pearl.device.tests.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import pearl.device.rom.FlashImage;
import pearl.device.rom.FlashProgress;
import pearl.device.rom.FlashResult;
import pearl.device.rom.FlashWriter;
import pearl.device.rom.JsscSerialLine;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomTimeouts;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/**
 * Espressif's own JavaScript client, esptool-js, against the simulator: someone else's reading of
 * the protocol must find an ESP8266 and the same MAC as Pearl's client does, and must flash the
 * same images to the same bytes as Pearl's flasher. Needs Node.js and
 * {@code esptool-js/node_modules}, which the build installs ({@code npm ci} in
 * process-test-resources, see pom.xml); without them the tests fail, they are not skipped.
 */
class EsptoolJsCrossCheckTest {

    private static final Path FOLDER = Path.of("esptool-js").toAbsolutePath();
    private static final RomTimeouts FAST = new RomTimeouts(400, 100, 40_000, 8_000, 2, 3);

    @Test
    void esptoolJsFindsTheSimulatedChipAndItsMac() throws Exception {
        try (PtyPair pty = new PtyPair()) {
            RomBootloaderSimulator board = new RomBootloaderSimulator(pty.boardSide, Variant.ESP8266_ROM, true);
            try {
                List<String> lines = runNode("identify.mjs", List.of(pty.hostSide));
                assertEquals(List.of("CHIP ESP8266", "MAC 18:fe:34:a1:b2:c3", "EXIT 0"), lines);
                assertEquals(List.of(), board.violations());
            } finally {
                board.close();
            }
        }
    }

    @Test
    void esptoolJsAndPearlFlashTheSameImagesToTheSameBytes() throws Exception {
        byte[] fw = FlashOverPtyTest.firmware(70_000, 11); // not a whole number of 1 KB blocks
        byte[] fs = FlashOverPtyTest.spiffs(64 * 1024, 12);

        byte[] byPearl;
        try (PtyPair pty = new PtyPair()) {
            RomBootloaderSimulator board = new RomBootloaderSimulator(pty.boardSide, Variant.ESP8266_ROM, true);
            try {
                JsscSerialLine line = JsscSerialLine.open(pty.hostSide, 115200);
                try {
                    RomBootloaderClient client = new RomBootloaderClient(line, FAST);
                    client.connect();
                    FlashResult result = new FlashWriter(client, FlashProgress.NONE)
                            .write(List.of(FlashImage.of(0, fw, "nodemcu.bin"), FlashImage.of(SimulatedLoaderFixture.SPIFFS_ADDRESS, fs, "spiffs.img")));
                    assertEquals(69 + 64, result.blocksWritten(), "Pearl wrote every 1 KB block");
                } finally {
                    line.close();
                }
                assertEquals(List.of(), board.violations(), "Pearl's conversation broke no rule of the ROM");
                byPearl = board.flash(0, RomBootloaderSimulator.FLASH_SIZE);
            } finally {
                board.close();
            }
        }

        byte[] byEsptoolJs;
        Path fwFile = Files.createTempFile("pearl-fw", ".bin");
        Path fsFile = Files.createTempFile("pearl-spiffs", ".img");
        try (PtyPair pty = new PtyPair()) {
            Files.write(fwFile, fw);
            Files.write(fsFile, fs);
            RomBootloaderSimulator board = new RomBootloaderSimulator(pty.boardSide, Variant.ESP8266_ROM, true);
            try {
                List<String> lines = runNode("flash.mjs",
                        List.of(pty.hostSide, "0x0", fwFile.toString(), "0x" + Integer.toHexString(SimulatedLoaderFixture.SPIFFS_ADDRESS), fsFile.toString()));
                assertEquals(List.of("CHIP ESP8266", "WROTE 2", "EXIT 0"), lines, "esptool-js flashed both images");
                assertEquals(List.of(), board.violations(), "esptool-js's conversation broke no rule of the ROM");
                assertEquals(69 + 64, board.requests().stream().filter(r -> r.startsWith("FLASH_DATA#")).count(), "esptool-js wrote every 1 KB block");
                byEsptoolJs = board.flash(0, RomBootloaderSimulator.FLASH_SIZE);
            } finally {
                board.close();
            }
        } finally {
            Files.deleteIfExists(fwFile);
            Files.deleteIfExists(fsFile);
        }

        assertArrayEquals(fw, java.util.Arrays.copyOfRange(byPearl, 0, fw.length), "Pearl: firmware in flash");
        int spiffs = SimulatedLoaderFixture.SPIFFS_ADDRESS;
        assertArrayEquals(fs, java.util.Arrays.copyOfRange(byPearl, spiffs, spiffs + fs.length), "Pearl: SPIFFS in flash");
        assertArrayEquals(fw, java.util.Arrays.copyOfRange(byEsptoolJs, 0, fw.length), "esptool-js: firmware in flash");
        assertArrayEquals(fs, java.util.Arrays.copyOfRange(byEsptoolJs, SimulatedLoaderFixture.SPIFFS_ADDRESS, SimulatedLoaderFixture.SPIFFS_ADDRESS + fs.length),
                "esptool-js: SPIFFS in flash");
        // The whole 4 MB, not only the written regions: esptool-js sends the plain erase size, so
        // the simulated ROM over-erases, but on a fresh (erased) flash that leaves the same bytes.
        assertTrue(java.util.Arrays.equals(byPearl, byEsptoolJs), "both clients leave the same flash contents");
    }

    /** Runs a script of the esptool-js folder; its "CHIP/MAC/WROTE/ERROR" lines, then "EXIT code". */
    private static List<String> runNode(String script, List<String> arguments) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(FOLDER.resolve("node_modules").resolve("esptool-js")),
                "esptool-js is not installed in " + FOLDER + ": the build runs `npm ci` there (process-test-resources); "
                        + "run `npm ci` in that folder by hand when running this test outside Maven");
        List<String> command = new ArrayList<>(List.of("node", FOLDER.resolve(script).toString()));
        command.addAll(arguments);
        Process node;
        try {
            node = new ProcessBuilder(command).directory(FOLDER.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start Node.js (`node` on PATH) to run esptool-js: " + e.getMessage(), e);
        }
        // drain stderr (esptool-js's log) so a chatty run cannot block on a full pipe
        StringBuilder log = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                log.append(new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process is gone
            }
        });
        drain.start();
        boolean finished = node.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        drain.join(5_000);
        assertTrue(finished, "esptool-js finished within 90 s; output: " + out + "\nlog:\n" + log);
        List<String> lines = new ArrayList<>(out.lines()
                .filter(l -> l.startsWith("CHIP ") || l.startsWith("MAC ") || l.startsWith("WROTE ") || l.startsWith("ERROR ")).toList());
        lines.add("EXIT " + node.exitValue());
        if (node.exitValue() != 0) {
            lines.add("LOG " + log);
        }
        return lines;
    }
}
