package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl run --vcd FILE}: the signals, read back with a VCD parser of the test's own. */
class VcdTraceTest {

    @TempDir
    Path project;

    /** A minimal VCD reader: variable names by id, and each variable's changes by time. */
    private static final class Vcd {
        final Map<String, String> names = new HashMap<>();
        final Map<String, TreeMap<Long, String>> changes = new HashMap<>();

        Vcd(List<String> lines) {
            long time = 0;
            boolean definitions = true;
            for (String line : lines) {
                String l = line.trim();
                if (definitions) {
                    if (l.startsWith("$var")) {
                        String[] p = l.split("\\s+"); // $var wire 1 id name $end
                        names.put(p[3], p[4]);
                    } else if (l.startsWith("$enddefinitions")) {
                        definitions = false;
                    }
                } else if (l.startsWith("#")) {
                    long t = Long.parseLong(l.substring(1));
                    assertTrue(t >= time, "time goes forward: " + t + " after " + time);
                    time = t;
                } else if (l.startsWith("b")) {
                    String[] p = l.split(" ");
                    put(p[1], time, Long.toString(Long.parseLong(p[0].substring(1), 2)));
                } else if (!l.isEmpty() && !l.startsWith("$")) {
                    put(l.substring(1), time, l.substring(0, 1));
                }
            }
        }

        private void put(String id, long time, String value) {
            changes.computeIfAbsent(id, k -> new TreeMap<>()).put(time, value);
        }

        /** The changes of the variable called {@code name}. */
        TreeMap<Long, String> of(String name) {
            String id = names.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
            return changes.getOrDefault(id, new TreeMap<>());
        }

        /** The value of {@code name} at {@code micros}. */
        String at(String name, long micros) {
            var e = of(name).floorEntry(micros);
            return e == null ? "x" : e.getValue();
        }
    }

    @Test
    void gpioEdgesPwmDutiesAndUartBytesAreRecordedAtTheirVirtualTimes() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                gpio.mode(1, gpio.OUTPUT)
                gpio.write(1, gpio.LOW)
                local level = 0
                tmr.create():alarm(100, tmr.ALARM_AUTO, function()
                  level = 1 - level
                  gpio.write(1, level)
                end)
                pwm.setup(2, 1000, 512)
                pwm.start(2)
                tmr.create():alarm(250, tmr.ALARM_SINGLE, function() pwm.setduty(2, 100) end)
                print("hello, trace")
                """);
        Path vcdFile = project.resolve("signals.vcd");
        PearlCli cli = new PearlCli();
        assertEquals(0, cli.run("run", "--for", "1s", "--vcd", vcdFile.toString(), project.toString()), cli.err());
        Vcd vcd = new Vcd(Files.readAllLines(vcdFile, StandardCharsets.US_ASCII));

        // the LED toggles every 100 ms: edges within a task's start-up of each period
        List<Long> edges = new ArrayList<>(vcd.of("gpio1").tailMap(50_000L).keySet());
        assertEquals(9, edges.size(), vcd.of("gpio1").toString());
        for (int i = 0; i < edges.size(); i++) {
            long expected = (i + 1) * 100_000L;
            assertTrue(edges.get(i) >= expected && edges.get(i) < expected + 2_000, "edge " + i + " at " + edges.get(i));
            assertEquals(i % 2 == 0 ? "1" : "0", vcd.at("gpio1", edges.get(i)));
        }
        assertEquals("512", vcd.at("pwm2_duty", 200_000));
        assertEquals("100", vcd.at("pwm2_duty", 260_000));
        assertTrue(vcd.of("pwm2_duty").lastKey() >= 250_000 && vcd.of("pwm2_duty").lastKey() < 252_000);

        // the TX line, decoded as a UART reads it (8N1 at 115200 baud), is what the board printed
        String decoded = decodeUart(vcd, 1e6 / 115200);
        String printed = cli.out();
        assertEquals(printed, decoded);
        assertTrue(decoded.contains("hello, trace\r\n"));
    }

    private static String decodeUart(Vcd vcd, double bit) {
        TreeMap<Long, String> tx = vcd.of("uart0_tx");
        StringBuilder text = new StringBuilder();
        Long t = tx.isEmpty() ? null : tx.firstKey();
        while (t != null) {
            if (vcd.at("uart0_tx", t).equals("0")) { // a start bit
                int b = 0;
                for (int k = 0; k < 8; k++) {
                    long sample = Math.round(t + (k + 1.5) * bit);
                    b |= Integer.parseInt(vcd.at("uart0_tx", sample)) << k;
                }
                assertEquals("1", vcd.at("uart0_tx", Math.round(t + 9.5 * bit)), "stop bit after byte " + text.length());
                text.append((char) b);
                t = tx.ceilingKey(Math.round(t + 9.5 * bit));
                while (t != null && !vcd.at("uart0_tx", t).equals("0")) {
                    t = tx.higherKey(t);
                }
            } else {
                t = tx.higherKey(t);
            }
        }
        return text.toString();
    }
}
