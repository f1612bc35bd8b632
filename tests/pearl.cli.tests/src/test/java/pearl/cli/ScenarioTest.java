package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl run --scenario FILE}: a button pressed in virtual time, an LED and a serial line expected. */
class ScenarioTest {

    @TempDir
    Path project;

    private final PearlCli cli = new PearlCli();

    /** A button on pin 3 (pulled up, pressed = low) lights the LED on pin 4 and logs to a file. */
    @BeforeEach
    void project() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                gpio.mode(3, gpio.INT, gpio.PULLUP)
                gpio.mode(4, gpio.OUTPUT)
                gpio.write(4, gpio.LOW)
                gpio.trig(3, "down", function(level, when)
                  gpio.write(4, gpio.HIGH)
                  print("button pressed")
                  file.putcontents("presses", "1")
                end)
                tmr.create():alarm(500, tmr.ALARM_AUTO, function() print("adc " .. adc.read(0)) end)
                """);
    }

    private int scenario(String yaml) throws IOException {
        Path file = project.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return cli.run("run", "--scenario", file.toString(), project.toString());
    }

    private String err() {
        return cli.err();
    }

    @Test
    void pressingTheButtonLightsTheLedAndPrints() throws IOException {
        assertEquals(0, scenario("""
                steps:
                  - at: 1s
                    expect: {pin: 4, level: 0}
                  - gpio: {pin: 3, level: 0}
                  - wait: "button pressed"
                    within: 100ms
                  - expect: {pin: 4, level: 1}
                  - expect: {file: presses, equals: "1"}
                  - expect: {heapAbove: 20000}
                  - after: 50ms
                    gpio: {pin: 3, level: 1}
                  - adc: 700
                  - wait: "adc 700"
                """), err());
        assertTrue(err().contains("scenario passed: 9 steps"), err());
        assertTrue(cli.out().contains("button pressed"));
    }

    @Test
    void eachFailedExpectationNamesItsStepAndVirtualTime() throws IOException {
        assertEquals(1, scenario("""
                - at: 500ms
                  expect: {pin: 4, level: 1}
                - at: 2s
                  wait: "button pressed"
                  within: 1s
                - expect: {file: presses, contains: "1"}
                """));
        assertTrue(err().contains("step 1 at 0.500000 s: pin 4 is 0, expected 1"), err());
        assertTrue(err().contains("step 2 at 3.000000 s: 'button pressed' did not appear within 1.0 s"), err());
        assertTrue(err().contains("step 3 at 3.000000 s: no file presses on SPIFFS"), err());
    }

    @Test
    void aMalformedStepIsAUsageErrorNamingIt() throws IOException {
        assertEquals(Main.USAGE, scenario("""
                - at: 1s
                  gpio: {pin: 3, level: 0}
                - at: soon
                  expect: {pin: 4, level: 1}
                """));
        assertTrue(err().contains("step 2: at takes a duration"), err());
        cli.reset();
        assertEquals(Main.USAGE, scenario("- press: {pin: 3}\n"));
        assertTrue(err().contains("step 1: unknown key 'press'"), err());
    }

    @Test
    void aSensorThatIsNotWiredIsNamed() throws IOException {
        assertEquals(Main.USAGE, scenario("- sensor: {bme280: {temperature: 30}}\n"));
        assertTrue(err().contains("step 1 (sensor): no bme280 is wired to the board"), err());
    }

    @Test
    void droppingWifiDisconnectsTheStationAndRestoringItRejoins() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                wifi.setmode(wifi.STATION)
                wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T) print("got ip") end)
                wifi.eventmon.register(wifi.eventmon.STA_DISCONNECTED, function(T) print("lost " .. T.reason) end)
                wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
                """);
        assertEquals(0, scenario("""
                - wait: "got ip"
                  within: 5s
                - at: 10s
                  wifi: drop
                - wait: "lost 200"
                  within: 100ms
                - wait: "lost 201"
                  within: 5s
                - at: 30s
                  wifi: restore
                - wait: "got ip"
                  within: 5s
                """), err());
        String uart = cli.out();
        assertEquals(2, uart.split("got ip", -1).length - 1, uart);
    }

    @Test
    void aHostPeerThatVanishesResetsTheBoardsConnection() throws Exception {
        try (java.net.ServerSocket peer = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(project.resolve("init.lua"), """
                    local c = net.createConnection(net.TCP, 0)
                    c:on("connection", function(sock) print("connected") end)
                    c:on("disconnection", function(sock, err) print("dropped " .. tostring(err)) end)
                    c:connect(%d, "127.0.0.1")
                    """.formatted(peer.getLocalPort()));
            Thread accepting = new Thread(() -> {
                try {
                    peer.accept(); // held open until the scenario drops it
                } catch (IOException e) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            assertEquals(0, scenario("""
                    - wait: "connected"
                      within: 5s
                    - tcp: disconnect
                    - wait: "dropped"
                      within: 5s
                    """), err());
        }
        assertEquals(1, scenario("- tcp: disconnect\n"));
        assertTrue(err().contains("step 1 at 0.000000 s: no TCP connection to a host peer to drop"), err());
    }
}
