package pearl.emulator.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

import com.google.gson.JsonObject;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.HeapBreakdown;
import pearl.emulator.Priority;
import pearl.emulator.TaskRun;

/**
 * What a board does, one JSON object per line for other tools: tasks (with their virtual start
 * and duration), long tasks and watchdog resets, dropped events, heap samples by type, registry
 * size, file changes and reboots. Every line has {@code "t"} (virtual µs since power-on) and
 * {@code "event"}.
 */
public final class EventLog implements BoardListener {

    private final Board board;
    private final Writer out;

    private EventLog(Board board, Writer out) {
        this.board = board;
        this.out = out;
    }

    /** Logs {@code board}'s events to {@code out} from now on; the caller closes {@code out}. */
    public static EventLog record(Board board, Writer out) {
        EventLog log = new EventLog(board, out);
        board.addListener(log);
        return log;
    }

    private JsonObject line(long micros, String event) {
        JsonObject o = new JsonObject();
        o.addProperty("t", micros);
        o.addProperty("event", event);
        return o;
    }

    private void write(JsonObject o) {
        try {
            out.write(o.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject task(String event, TaskRun run) {
        JsonObject o = line(run.startMicros(), event);
        o.addProperty("priority", run.priority().toString());
        o.addProperty("source", run.source());
        o.addProperty("durationMicros", run.durationMicros());
        return o;
    }

    @Override
    public void taskRan(TaskRun run) {
        write(task("task", run));
    }

    @Override
    public void longTask(TaskRun run) {
        write(task("longTask", run));
    }

    @Override
    public void watchdogReset(TaskRun run) {
        write(task("watchdogReset", run));
    }

    @Override
    public void taskDropped(Priority priority, String source, long micros) {
        JsonObject o = line(micros, "taskDropped");
        o.addProperty("priority", priority.toString());
        o.addProperty("source", source);
        write(o);
    }

    @Override
    public boolean wantsHeapSamples() {
        return true;
    }

    @Override
    public void heapSample(HeapBreakdown used, long freeBytes) {
        JsonObject o = line(board.clockMicros(), "heap");
        o.addProperty("free", freeBytes);
        o.addProperty("used", used.total());
        JsonObject types = new JsonObject();
        for (Map.Entry<String, Long> e : used.byType().entrySet()) {
            types.addProperty(e.getKey(), e.getValue());
        }
        o.add("byType", types);
        write(o);
    }

    @Override
    public void registrySize(int entries) {
        JsonObject o = line(board.clockMicros(), "registry");
        o.addProperty("entries", entries);
        write(o);
    }

    @Override
    public void fileChanged(String name) {
        JsonObject o = line(board.clockMicros(), "file");
        o.addProperty("name", name);
        Integer size = board.spiffs().list().get(name);
        if (size != null) {
            o.addProperty("size", size);
        } else {
            o.addProperty("removed", true);
        }
        write(o);
    }

    @Override
    public void rebooting(String reason) {
        JsonObject o = line(board.clockMicros(), "reboot");
        o.addProperty("reason", reason);
        write(o);
    }
}
