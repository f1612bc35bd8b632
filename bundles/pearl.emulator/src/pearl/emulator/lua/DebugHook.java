package pearl.emulator.lua;

import org.luaj.vm2.Prototype;

/**
 * A debugger attached to the Lua VM through {@link VmHooks#setDebugHook}. Every method is called
 * on the board's thread, inside the running code: a method that blocks holds the board, and with
 * it virtual time, until it returns.
 */
public interface DebugHook {

    /**
     * Per instruction of {@code function}, whether a breakpoint is on its line; null when no
     * breakpoint is in it. Asked when a call of it starts and when {@link VmHooks#refreshBreakpoints}
     * runs, so an answer may be cached per prototype.
     */
    boolean[] breakpoints(Prototype function);

    /**
     * Execution reached a new line of {@code frame} (Lua 5.1's line event: a function's first
     * instruction, a jump back, or a change of line), on a line with a breakpoint or while
     * {@link VmHooks#setLineEvents line events} are on. Code without line information has an event
     * per instruction.
     *
     * @param breakpoint whether a breakpoint is on this line
     */
    void line(LuaCallStack stack, LuaCallStack.Frame frame, boolean breakpoint);

    /**
     * While line events are on: the frame is about to call a Java function (a firmware function,
     * which may keep a Lua function it is given as a callback).
     */
    void javaCall(LuaCallStack stack, LuaCallStack.Frame caller);

    /**
     * An error is raised with the failing frames still on the stack.
     *
     * @param memory  whether it is the out-of-memory error
     * @param caught  whether a {@code pcall}, {@code xpcall} or coroutine will catch it
     * @param message the message as Lua 5.1 gives it
     */
    void error(LuaCallStack stack, boolean memory, boolean caught, String message);

    /** Attached to the hooks of a new Lua state (at each boot): the moment to turn line events on when stepping. */
    default void attached(VmHooks hooks) {
    }

    /**
     * Called by the board every hundred or so microseconds of Lua CPU time, and between tasks:
     * where a debugger acts on what its client asked meanwhile (pause, new breakpoints).
     */
    default void poll() {
    }

    /** The running task is past the watchdog's limit; the chip resets when this returns. */
    default void watchdog() {
    }
}
