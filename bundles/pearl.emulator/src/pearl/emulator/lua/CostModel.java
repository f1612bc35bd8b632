package pearl.emulator.lua;

import java.util.Arrays;

import org.luaj.vm2.Lua;

/**
 * What Lua work costs on the ESP8266, in CPU cycles: per VM instruction by opcode, and per call.
 * The figures are estimates for Lua 5.1's VM on the ESP8266's core (an in-order Xtensa LX106 with
 * no floating-point unit, running the VM from cached flash): see
 * {@code docs/emulator-cost-model.md} for how each was reasoned and what would calibrate them.
 */
public final class CostModel {

    private final int[] perOpcode;
    private final int call;

    private CostModel(int[] perOpcode, int call) {
        this.perOpcode = perOpcode;
        this.call = call;
    }

    /** Cycles of one instruction with this opcode (LuaJ's Lua 5.2 numbering). */
    public int instruction(int opcode) {
        return perOpcode[opcode];
    }

    /**
     * The cycles of every opcode, indexed by opcode (64 entries): the table itself, for
     * {@link VmHooks}'s per-instruction hook; not to be changed.
     */
    int[] instructionCosts() {
        return perOpcode;
    }

    /** Cycles of entering a Lua function (frame set-up beyond the CALL instruction). */
    public int call() {
        return call;
    }

    /** A model charging {@code cycles} for every instruction and nothing for calls. */
    public static CostModel uniform(int cycles) {
        int[] costs = new int[64];
        Arrays.fill(costs, cycles);
        return new CostModel(costs, 0);
    }

    /** The ESP8266 estimate at 80 MHz. */
    public static final CostModel ESP8266 = esp8266();

    private static CostModel esp8266() {
        int[] c = new int[64];
        // dispatch, decode and a register copy: ~40 Xtensa instructions, some from flash cache
        Arrays.fill(c, 60);
        set(c, 40, Lua.OP_MOVE, Lua.OP_LOADK, Lua.OP_LOADBOOL, Lua.OP_LOADNIL, Lua.OP_GETUPVAL, Lua.OP_SETUPVAL,
                Lua.OP_JMP, Lua.OP_TEST, Lua.OP_TESTSET, Lua.OP_NOT);
        // table access: hashing the key and probing a node chain
        set(c, 180, Lua.OP_GETTABLE, Lua.OP_SETTABLE, Lua.OP_SELF);
        // globals: a miss in _G's hash, then the ROM table's lookup through __index
        set(c, 320, Lua.OP_GETTABUP);
        set(c, 260, Lua.OP_SETTABUP);
        // doubles in software (libgcc soft-float): add ~100, multiply ~150, divide ~600 cycles
        set(c, 160, Lua.OP_ADD, Lua.OP_SUB, Lua.OP_UNM);
        set(c, 220, Lua.OP_MUL);
        set(c, 700, Lua.OP_DIV);
        set(c, 1100, Lua.OP_MOD); // a - floor(a/b)*b: divide, floor, multiply, subtract
        set(c, 4000, Lua.OP_POW);
        set(c, 120, Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE, Lua.OP_LEN);
        set(c, 200, Lua.OP_FORLOOP, Lua.OP_FORPREP);
        // allocation: the heap allocator plus the GC's bookkeeping
        set(c, 600, Lua.OP_NEWTABLE, Lua.OP_CLOSURE);
        set(c, 700, Lua.OP_CONCAT);
        set(c, 150, Lua.OP_SETLIST, Lua.OP_VARARG);
        set(c, 350, Lua.OP_CALL, Lua.OP_TAILCALL, Lua.OP_TFORCALL);
        set(c, 200, Lua.OP_RETURN);
        return new CostModel(c, 150);
    }

    private static void set(int[] costs, int cycles, int... opcodes) {
        for (int op : opcodes) {
            costs[op] = cycles;
        }
    }
}
