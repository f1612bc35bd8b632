package pearl.emulator;

/**
 * What Lua 5.1 objects cost on the ESP8266, in bytes as {@code collectgarbage("count")} counts
 * them: 32-bit pointers, and values of 12 bytes on a float build (an 8-byte double and a 4-byte
 * tag, packed to 4) or 8 on an integer build. Checked against Debian's i386 Lua 5.1, which has
 * the float build's layout (tests/pearl.emulator.tests/heap-reference).
 */
public final class LuaObjectSizes {

	private static final int POINTER = 4;
	/** Table: common header, flags, log2 of the node count, metatable, array, nodes, last free, gc list, array size. */
	private static final int TABLE = 32;
	/** TString header before the characters (and their terminating zero). */
	private static final int STRING_HEADER = 16;
	/** Udata header before the user's bytes. */
	private static final int USERDATA_HEADER = 20;
	/** A Lua closure with one upvalue slot; each further upvalue adds a pointer. */
	private static final int LUA_CLOSURE = 24;
	/** lua_State with its first stack (45 slots) and CallInfo array (8), as lua_newthread makes it, less the stack. */
	private static final int THREAD_BASE = 112 + 8 * 24;
	private static final int THREAD_STACK_SLOTS = 45;

	private final int value;

	private LuaObjectSizes(int value) {
		this.value = value;
	}

	/** Sizes on a float build (doubles). */
	public static LuaObjectSizes floatBuild() {
		return new LuaObjectSizes(12);
	}

	/** Sizes on an integer build (LUA_NUMBER_INTEGRAL: 32-bit numbers). */
	public static LuaObjectSizes integerBuild() {
		return new LuaObjectSizes(8);
	}

	/** A TValue. */
	public int value() {
		return value;
	}

	/** A hash node: its value, and its key (a value and the next-node pointer). */
	public int node() {
		return 2 * value + POINTER;
	}

	/** A table with {@code arraySlots} array slots and {@code hashNodes} hash nodes. */
	public int table(int arraySlots, int hashNodes) {
		return TABLE + arraySlots * value + hashNodes * node();
	}

	/** A new string of {@code length} bytes (strings are interned: an existing one costs nothing). */
	public int string(int length) {
		return STRING_HEADER + length + 1;
	}

	/** A full userdata of {@code size} bytes. */
	public int userdata(int size) {
		return USERDATA_HEADER + size;
	}

	/** A Lua function's closure with {@code upvalues} upvalues (not the upvalues themselves). */
	public int luaClosure(int upvalues) {
		return LUA_CLOSURE + POINTER * (upvalues - 1);
	}

	/** One upvalue, shared by every closure that captures the same local. */
	public int upvalue() {
		return 2 * POINTER + POINTER + value;
	}

	/** A coroutine (lua_State with its initial stack and CallInfo array), without its function. */
	public int thread() {
		return THREAD_BASE + THREAD_STACK_SLOTS * value;
	}

	/** The array size Lua 5.1 ends with after storing 1..n one by one: the power of two at or above n. */
	public static int arraySlotsAfterAppending(int n) {
		return n <= 1 ? n : Integer.highestOneBit(n - 1) << 1;
	}

	/** The node count of a hash part holding n keys: the power of two at or above n. */
	public static int hashNodesFor(int n) {
		return n == 0 ? 0 : arraySlotsAfterAppending(n);
	}
}
