package pearl.debug;

import org.eclipse.lsp4j.debug.StackFrame;
import org.luaj.vm2.LuaClosure;

import pearl.emulator.Task;
import pearl.emulator.lua.ChunkNames;
import pearl.emulator.lua.LuaCallStack;

/**
 * The frame under a paused task's Lua frames that names the event that started it: "tmr callback,
 * timer armed at init.lua:12", "net receive", "node.task.post". It is how a user sees which pearl
 * of the necklace the code runs in.
 */
final class TaskFrames {

    private TaskFrames() {
    }

    /** The task as a line of text: its source, and where it was set up when known. */
    static String describe(Task task) {
        return task.origin() == null ? task.source() + " (" + task.priority() + ")"
                : task.source() + ", " + task.origin() + " (" + task.priority() + ")";
    }

    /** The task frame of a stop; {@code outermost} is the bottom Lua frame, or null. */
    static StackFrame of(BoardStop stop, int id, LuaCallStack.Frame outermost) {
        StackFrame frame = new StackFrame();
        frame.setId(id);
        String name;
        if (stop.task() == null) {
            name = "between tasks, at " + String.format("%.6f s", stop.micros() / 1e6);
        } else if (stop.task().origin() == null && outermost != null && outermost.closure().p.linedefined > 0) {
            LuaClosure c = outermost.closure();
            name = stop.task().source() + ", function at " + ChunkNames.shortSource(c.p.source) + ":" + c.p.linedefined
                    + " (" + stop.task().priority() + ")";
        } else {
            name = describe(stop.task());
        }
        frame.setName(name);
        frame.setPresentationHint(org.eclipse.lsp4j.debug.StackFramePresentationHint.LABEL);
        return frame;
    }
}
