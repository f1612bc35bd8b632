package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code pearl run --trace-json FILE}: the board's events as JSON lines, as another tool reads them. */
class TraceJsonTest {

    @TempDir
    Path project;

    @Test
    void tasksHeapFilesAndRebootsAreLoggedInVirtualTimeOrder() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                if not file.exists("count") then
                  file.putcontents("count", "1")
                  tmr.create():alarm(500, tmr.ALARM_SINGLE, function() node.restart() end)
                else
                  tmr.create():alarm(200, tmr.ALARM_AUTO, function() local t = {} end)
                end
                """);
        Path log = project.resolve("events.jsonl");
        PearlCli cli = new PearlCli();
        assertEquals(0, cli.run("run", "--for", "3s", "--trace-json", log.toString(), project.toString()), cli.err());
        List<JsonObject> events = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            events.add(JsonParser.parseString(line).getAsJsonObject());
        }
        long last = 0;
        for (JsonObject e : events) {
            if (e.get("event").getAsString().equals("task")) {
                assertTrue(e.get("t").getAsLong() >= last, "tasks in start order: " + e);
                last = e.get("t").getAsLong();
            }
        }
        assertTrue(events.stream().anyMatch(e -> e.get("event").getAsString().equals("file")
                && e.get("name").getAsString().equals("count") && e.get("size").getAsInt() == 1));
        JsonObject reboot = events.stream().filter(e -> e.get("event").getAsString().equals("reboot")).findFirst().orElseThrow();
        assertEquals("node.restart()", reboot.get("reason").getAsString());
        assertTrue(reboot.get("t").getAsLong() >= 500_000);
        long timerTasks = events.stream().filter(e -> e.get("event").getAsString().equals("task")
                && e.get("source").getAsString().equals("tmr callback") && e.get("t").getAsLong() > reboot.get("t").getAsLong()).count();
        assertTrue(timerTasks >= 10 && timerTasks <= 13, "a 200 ms timer over the ~2.4 s after the reboot: " + timerTasks);
        JsonObject heap = events.stream().filter(e -> e.get("event").getAsString().equals("heap")).findFirst().orElseThrow();
        assertTrue(heap.get("free").getAsLong() > 20_000 && heap.getAsJsonObject("byType").size() > 3, heap.toString());
    }
}
