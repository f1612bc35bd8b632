package pearl.emulator.modules;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;

import pearl.emulator.Board;
import pearl.emulator.LuaObjectSizes;
import pearl.emulator.heap.LuaJTables;

/**
 * What a module function allocates on the Lua heap as it builds strings and tables, told to the
 * board's allocation watch so that a program filling the heap through a module runs out of memory
 * where the board would (the heap walk counts the objects later anyway).
 */
final class ModuleAllocations {

    private static final LuaObjectSizes SIZES = LuaObjectSizes.floatBuild();

    private ModuleAllocations() {
    }

    /** Charges a new string {@code s} to {@code board}'s heap and returns it. */
    static LuaString string(Board board, LuaString s) {
        board.lua().hooks().allocate(SIZES.string(s.m_length));
        return s;
    }

    /** The heap a filled table {@code t} takes (not what it holds). */
    static long table(LuaTable t) {
        return SIZES.table(LuaJTables.arraySlots(t), LuaJTables.hashNodes(t));
    }

    /** The heap a string of {@code length} bytes takes. */
    static long string(int length) {
        return SIZES.string(length);
    }

    /** The heap a full userdata of {@code size} bytes takes. */
    static long userdata(int size) {
        return SIZES.userdata(size);
    }

    /** Charges {@code bytes} to {@code board}'s heap. */
    static void charge(Board board, long bytes) {
        board.lua().hooks().allocate(bytes);
    }
}
