package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.device.rom.RomTimeouts;

/** {@code pearl flash}: what the user reads when something is wrong before or while syncing. */
class FlashCommandTest {

    private static final RomTimeouts FAST = new RomTimeouts(300, 50, 40_000, 8_000, 2, 2);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Main(console, List.of(new FlashCommand(FAST))).run(List.of(args));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path firmware() throws IOException {
        byte[] image = new byte[2048];
        image[0] = (byte) 0xE9;
        return Files.write(dir.resolve("nodemcu.bin"), image);
    }

    @Test
    void aMissingPortIsNamed() throws IOException {
        assertEquals(1, run("flash", "--port", "/dev/ttyNOPE0", "0x0", firmware().toString()));
        assertEquals("pearl flash: no such port: /dev/ttyNOPE0\n", err());
    }

    @Test
    void aPortIsRequired() {
        assertEquals(2, run("flash", "0x0", "nodemcu.bin"));
        assertTrue(err().startsWith("pearl flash: --port DEV is required\n"), err());
        assertTrue(err().contains("Usage: pearl flash"), err());
    }

    @Test
    void addressesAndImagesComeInPairs() {
        assertEquals(2, run("flash", "--port", "/dev/null", "0x0"));
        assertTrue(err().contains("images come in pairs ADDRESS IMAGE; '0x0' has no partner"), err());
        err.reset();
        assertEquals(2, run("flash", "--port", "/dev/null", "0x1g", "x.bin"));
        assertTrue(err().contains("'0x1g' is not a flash address"), err());
    }

    @Test
    void anythingButFirmwareAtAddressZeroIsRefusedBeforeTouchingThePort() throws IOException {
        Path text = Files.writeString(dir.resolve("init.lua"), "print('hi')\n");
        assertEquals(2, run("flash", "--port", "/dev/ttyNOPE0", "0x0", text.toString()));
        assertEquals("pearl flash: init.lua: not a firmware image (first byte 0x70, expected 0xE9); only a firmware binary can go at 0x0\n", err());
    }

    @Test
    void overlappingImagesAreRefused() throws IOException {
        Path fw = firmware();
        assertEquals(2, run("flash", "--port", "/dev/ttyNOPE0", "0x0", fw.toString(), "0x400", fw.toString()));
        assertTrue(err().contains("overlap"), err());
    }

    @Test
    void aMissingImageIsNamed() {
        assertEquals(2, run("flash", "--port", "/dev/ttyNOPE0", "0x100000", dir.resolve("spiffs.img").toString()));
        assertEquals("pearl flash: no such image: " + dir.resolve("spiffs.img") + "\n", err());
    }

    @Test
    void aBoardThatDoesNotAnswerIsNotInTheBootloader() throws Exception {
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").redirectErrorStream(true).start();
        try {
            List<String> ptys = ptys(socat);
            Path fw = firmware();
            // Nothing on the other end: SYNC is never answered.
            assertEquals(1, run("flash", "--port", ptys.get(0), "0x0", fw.toString()));
            assertEquals("pearl flash: connecting to " + ptys.get(0) + "...\n"
                    + "pearl flash: board not in bootloader: no answer to SYNC on " + ptys.get(0)
                    + " after 2 reset attempts. Hold the FLASH (GPIO0) button while pressing RST, or check the cable and port.\n", err());
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> ptys(Process socat) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8));
        Pattern pty = Pattern.compile("PTY is (\\S+)");
        List<String> found = new ArrayList<>();
        while (found.size() < 2) {
            String line = log.readLine();
            if (line == null) {
                throw new IOException("socat ended early");
            }
            Matcher m = pty.matcher(line);
            if (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
