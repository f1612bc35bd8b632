package pearl.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.debug.Variable;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.HeapBreakdown;
import pearl.emulator.Priority;
import pearl.emulator.Task;

/**
 * The "Board" scope of a stop: what no Lua variable shows. The heap (used, free, by type), the
 * task queues (what waits, at which priority), the registry (callbacks and what holds them: the
 * FAQ's leak signal) and the files on SPIFFS.
 */
final class BoardScope {

    private BoardScope() {
    }

    /** The scope's sections, each expandable. */
    static List<Variable> sections(Board board, VariableStore store) {
        List<Variable> result = new ArrayList<>();
        long free = board.freeHeap();
        result.add(store.group("Heap", board.heap().used() + " bytes used, " + free + " free", () -> heap(board)));
        int waiting = 0;
        for (Priority p : Priority.values()) {
            waiting += board.scheduler().tasks().waiting(p);
        }
        result.add(store.group("Task queues", waiting + " waiting", () -> tasks(board)));
        result.add(store.group("Registry", board.registryEntries() + " entries", () -> registry(board, store)));
        result.add(store.group("SPIFFS", board.spiffs().list().size() + " files", () -> files(board)));
        return result;
    }

    private static List<Variable> heap(Board board) {
        List<Variable> result = new ArrayList<>();
        result.add(VariableStore.text("used", board.heap().used() + " bytes"));
        result.add(VariableStore.text("free", board.freeHeap() + " bytes"));
        HeapBreakdown breakdown = board.heap().breakdown();
        for (Map.Entry<String, Long> e : breakdown.byType().entrySet()) {
            result.add(VariableStore.text(e.getKey(), e.getValue() + " bytes"));
        }
        return result;
    }

    private static List<Variable> tasks(Board board) {
        List<Variable> result = new ArrayList<>();
        Task running = board.scheduler().currentTask();
        if (running != null) {
            result.add(VariableStore.text("running", TaskFrames.describe(running)));
        }
        for (Priority p : new Priority[] { Priority.HIGH, Priority.MEDIUM, Priority.LOW }) {
            List<Task> queue = board.scheduler().tasks().waitingTasks(p);
            for (int i = 0; i < queue.size(); i++) {
                result.add(VariableStore.text(p + " #" + (i + 1), TaskFrames.describe(queue.get(i))));
            }
            if (queue.isEmpty()) {
                result.add(VariableStore.text(p.toString(), "empty"));
            }
        }
        return result;
    }

    private static List<Variable> registry(Board board, VariableStore store) {
        List<Variable> result = new ArrayList<>();
        LuaTable registry = board.lua().registry();
        LuaValue k = LuaValue.NIL;
        while (result.size() < VariableStore.MAX_CHILDREN) {
            Varargs next = registry.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            result.add(store.variable("[" + ValueText.display(k) + "]", next.arg(2)));
        }
        return result;
    }

    private static List<Variable> files(Board board) {
        List<Variable> result = new ArrayList<>();
        board.spiffs().list().forEach((name, size) -> result.add(
                VariableStore.text(name, size + " bytes, written " + board.spiffs().writes(name) + " times")));
        return result;
    }
}
