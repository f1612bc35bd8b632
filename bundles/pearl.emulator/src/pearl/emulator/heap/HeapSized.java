package pearl.emulator.heap;

import java.util.function.Consumer;

import org.luaj.vm2.LuaValue;

/**
 * Implemented by the Java object inside a firmware userdata (a timer, a file, a socket) to tell
 * the heap walk how large the C struct behind it is on the board, and which Lua values it keeps
 * alive (callbacks the firmware holds in the registry).
 */
public interface HeapSized {

    /** Bytes of the userdata's payload on the board (after the userdata header). */
    int heapBytes();

    /** Hands each Lua value the object keeps alive to {@code mark}. */
    default void references(Consumer<LuaValue> mark) {
    }
}
