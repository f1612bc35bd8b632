package pearl.debug;

import java.util.List;

import pearl.emulator.Task;
import pearl.emulator.lua.LuaCallStack;

/**
 * Where and why the board stands still: the Lua frames of the paused task, innermost first (none
 * when it stopped between tasks), and the task they run in.
 *
 * @param reason      the DAP reason: {@code breakpoint}, {@code step}, {@code pause}, {@code entry},
 *                    {@code exception}
 * @param description what to show the user ("Paused on breakpoint", "Lua error")
 * @param text        details: an error's message; null when none
 * @param stack       the call stack the frames are on; null between tasks
 * @param frames      the Lua frames, innermost first; live while the board stands still
 * @param task        the task running, or null between tasks
 * @param micros      virtual time of the stop
 * @param breakpoint  the id of the breakpoint hit, or 0
 */
public record BoardStop(String reason, String description, String text, LuaCallStack stack,
        List<LuaCallStack.Frame> frames, Task task, long micros, int breakpoint) {
}
