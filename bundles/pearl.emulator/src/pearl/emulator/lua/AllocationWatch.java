package pearl.emulator.lua;

/**
 * Told about allocations as code runs, so that the board can estimate its heap without walking it
 * after every instruction: {@link VmHooks} calls it before each allocating instruction (NEWTABLE,
 * CONCAT, CLOSURE, SETTABLE, SETTABUP, SETLIST), libraries before they build large objects. Either
 * may raise {@link LuaMemoryError}.
 */
public interface AllocationWatch {

    /** Instruction {@code instruction} (opcode {@code op}) of {@code frame} is about to run. */
    void instruction(LuaCallStack.Frame frame, int instruction, int op);

    /** A library function is about to allocate about {@code bytes} of Lua heap. */
    void allocate(long bytes);
}
