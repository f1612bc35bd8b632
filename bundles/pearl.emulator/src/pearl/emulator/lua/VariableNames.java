package pearl.emulator.lua;

import static org.luaj.vm2.Lua.GETARG_A;
import static org.luaj.vm2.Lua.GETARG_B;
import static org.luaj.vm2.Lua.GETARG_C;
import static org.luaj.vm2.Lua.GETARG_sBx;
import static org.luaj.vm2.Lua.GET_OPCODE;
import static org.luaj.vm2.Lua.INDEXK;
import static org.luaj.vm2.Lua.ISK;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Prototype;

/**
 * What Lua 5.1 calls a value in an error message ({@code global 'x'}, {@code local 't'},
 * {@code field 'open'}, {@code method 'send'}, {@code upvalue 'n'}), found by reading the bytecode
 * that put it in its register, as the reference VM does. LuaJ compiles to Lua 5.2 bytecode, where
 * globals are fields of the {@code _ENV} upvalue; they are reported as globals, as 5.1 does.
 */
public final class VariableNames {

    /** A kind ({@code global}, {@code local}, ...) and a name. */
    public record Name(String kind, String name) {
        @Override
        public String toString() {
            return kind + " '" + name + "'";
        }
    }

    private static final String ENV = "_ENV";

    private VariableNames() {
    }

    /** The name of the value in {@code register} when instruction {@code pc} runs, or null. */
    public static Name ofRegister(Prototype p, int pc, int register) {
        LuaString local = p.getlocalname(register + 1, pc);
        if (local != null) {
            return new Name("local", local.tojstring());
        }
        int setter = findSetter(p, pc, register);
        if (setter < 0) {
            return null;
        }
        int i = p.code[setter];
        switch (GET_OPCODE(i)) {
            case Lua.OP_MOVE: {
                int b = GETARG_B(i);
                return b < GETARG_A(i) ? ofRegister(p, setter, b) : null;
            }
            case Lua.OP_GETTABUP: {
                String key = constantName(p, GETARG_C(i));
                return key == null ? null : new Name(ENV.equals(upvalueName(p, GETARG_B(i))) ? "global" : "field", key);
            }
            case Lua.OP_GETTABLE: {
                String key = constantName(p, GETARG_C(i));
                if (key == null) {
                    return null;
                }
                LuaString table = p.getlocalname(GETARG_B(i) + 1, setter);
                return new Name(table != null && ENV.equals(table.tojstring()) ? "global" : "field", key);
            }
            case Lua.OP_GETUPVAL:
                return new Name("upvalue", upvalueName(p, GETARG_B(i)));
            case Lua.OP_SELF: {
                String key = constantName(p, GETARG_C(i));
                return key == null ? null : new Name("method", key);
            }
            default:
                return null;
        }
    }

    /** The name of upvalue {@code index} of a function, or {@code ?}. */
    public static String upvalueName(Prototype p, int index) {
        if (p.upvalues == null || index >= p.upvalues.length || p.upvalues[index].name == null) {
            return "?";
        }
        return p.upvalues[index].name.tojstring();
    }

    /** The name of a table field read through upvalue {@code upvalue} with key RK {@code key}. */
    static Name ofUpvalueField(Prototype p, int upvalue, int key) {
        String k = constantName(p, key);
        return k == null ? null : new Name(ENV.equals(upvalueName(p, upvalue)) ? "global" : "field", k);
    }

    private static String constantName(Prototype p, int rk) {
        if (ISK(rk) && p.k[INDEXK(rk)].isstring()) {
            return p.k[INDEXK(rk)].tojstring();
        }
        return null;
    }

    /**
     * The last instruction before {@code lastpc} that sets {@code reg}, following forward jumps
     * that stay before {@code lastpc}; -1 when it cannot be known.
     */
    private static int findSetter(Prototype p, int lastpc, int reg) {
        int setter = -1;
        int jumpTarget = 0;
        for (int pc = 0; pc < lastpc; pc++) {
            int i = p.code[pc];
            int op = GET_OPCODE(i);
            int a = GETARG_A(i);
            boolean changes;
            switch (op) {
                case Lua.OP_LOADNIL -> changes = a <= reg && reg <= a + GETARG_B(i);
                case Lua.OP_TFORCALL -> changes = reg >= a + 2;
                case Lua.OP_CALL, Lua.OP_TAILCALL -> changes = reg >= a;
                case Lua.OP_JMP -> {
                    int dest = pc + 1 + GETARG_sBx(i);
                    if (pc < dest && dest <= lastpc && dest > jumpTarget) {
                        jumpTarget = dest;
                    }
                    changes = false;
                }
                case Lua.OP_TEST, Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE, Lua.OP_SETTABUP, Lua.OP_SETUPVAL,
                        Lua.OP_SETTABLE, Lua.OP_SETLIST, Lua.OP_RETURN, Lua.OP_FORLOOP, Lua.OP_TFORLOOP,
                        Lua.OP_EXTRAARG -> changes = false;
                default -> changes = reg == a;
            }
            if (changes) {
                // a setter inside a jumped-over region may not have run
                setter = pc < jumpTarget ? -1 : pc;
            }
        }
        return setter;
    }
}
