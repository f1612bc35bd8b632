package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl run --profile}: the profile's {@code "wifi"} world is the one the board's station joins. */
class RunWifiProfileTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String run(String profileJson) throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                wifi.setmode(wifi.STATION)
                wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T) print("got ip", T.IP) end)
                wifi.eventmon.register(wifi.eventmon.STA_DISCONNECTED, function(T) print("disconnected", T.reason) end)
                wifi.sta.config({ssid = "Lab", pwd = "labpass99"})
                """);
        Path profile = project.resolve(".board.json");
        Files.writeString(profile, profileJson);
        out.reset();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, new Main(console, Main.defaultCommands()).run(List.of("run", "--profile", profile.toString(), "--for", "3s",
                project.toString())));
        return out.toString(StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    @Test
    void stationJoinsTheProfilesAccessPointOrFailsAsTold() throws IOException {
        String lab = "{\"ssid\": \"Lab\", \"password\": \"labpass99\", \"auth\": 3}";
        String joined = run("{\"modules\": [\"node\", \"tmr\", \"wifi\"], \"wifi\": {\"accessPoints\": [" + lab + "], \"ip\": \"10.1.2.3\"}}");
        assertTrue(joined.contains("got ip\t10.1.2.3\n"), joined);
        String missing = run("{\"modules\": [\"node\", \"tmr\", \"wifi\"]}");
        assertTrue(missing.contains("disconnected\t201\n"), "the default world has no \"Lab\": " + missing);
        String refused = run("{\"modules\": [\"node\", \"tmr\", \"wifi\"], \"wifi\": {\"accessPoints\": [" + lab
                + "], \"failure\": \"wrongPassword\"}}");
        assertTrue(refused.contains("disconnected\t202\n") && !refused.contains("got ip"), refused);
    }
}
