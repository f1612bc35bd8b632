package pearl.emulator.lua;

import static org.luaj.vm2.Lua.GETARG_A;
import static org.luaj.vm2.Lua.GETARG_B;
import static org.luaj.vm2.Lua.GETARG_C;
import static org.luaj.vm2.Lua.GET_OPCODE;
import static org.luaj.vm2.Lua.INDEXK;
import static org.luaj.vm2.Lua.ISK;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Rewrites LuaJ's runtime error texts ({@code attempt to call nil}, {@code attempt to index ? (a nil
 * value)}, ...) as Lua 5.1 words them, with the culprit's name ({@code attempt to call global 'f' (a
 * nil value)}), reading the failing instruction and its operands as the reference VM does.
 */
final class RuntimeErrors {

    private RuntimeErrors() {
    }

    /**
     * The 5.1 text for a LuaJ error raised by instruction {@code pc} of {@code closure}, whose
     * registers are {@code registers}; {@code message} itself when it is not a VM error.
     */
    static String rewrite(String message, LuaClosure closure, LuaValue[] registers, int pc) {
        if (message != null && message.startsWith("index expected, got ")) {
            // LuaJ's words for assigning into a non-table
            message = "attempt to index";
        }
        if (message == null || !message.startsWith("attempt to ") || registers == null) {
            return message;
        }
        Prototype p = closure.p;
        if (pc < 0 || pc >= p.code.length) {
            return message;
        }
        int i = p.code[pc];
        int a = GETARG_A(i);
        int b = GETARG_B(i);
        int c = GETARG_C(i);
        switch (GET_OPCODE(i)) {
            case Lua.OP_CALL, Lua.OP_TAILCALL:
                return message.startsWith("attempt to call")
                        ? typeError(p, pc, a, registers[a], "call") : message;
            case Lua.OP_GETTABLE, Lua.OP_SELF:
                return message.startsWith("attempt to index")
                        ? typeError(p, pc, b, registers[b], "index") : message;
            case Lua.OP_SETTABLE:
                return message.startsWith("attempt to index")
                        ? typeError(p, pc, a, registers[a], "index") : message;
            case Lua.OP_GETTABUP:
                return message.startsWith("attempt to index")
                        ? upvalueError(closure, b, "index") : message;
            case Lua.OP_SETTABUP:
                return message.startsWith("attempt to index")
                        ? upvalueError(closure, a, "index") : message;
            case Lua.OP_ADD, Lua.OP_SUB, Lua.OP_MUL, Lua.OP_DIV, Lua.OP_MOD, Lua.OP_POW: {
                if (!message.startsWith("attempt to perform arithmetic")) {
                    return message;
                }
                LuaValue left = rk(p, registers, b);
                boolean leftBad = left.tonumber().isnil();
                int culprit = leftBad ? b : c;
                return typeError(p, pc, ISK(culprit) ? -1 : culprit, rk(p, registers, culprit), "perform arithmetic on");
            }
            case Lua.OP_UNM:
                return message.startsWith("attempt to perform arithmetic")
                        ? typeError(p, pc, b, registers[b], "perform arithmetic on") : message;
            case Lua.OP_LEN:
                return message.startsWith("attempt to get length")
                        ? typeError(p, pc, b, registers[b], "get length of") : message;
            case Lua.OP_CONCAT:
                return message.startsWith("attempt to concatenate") ? concatError(p, pc, registers, b, c) : message;
            case Lua.OP_LT, Lua.OP_LE:
                return message.startsWith("attempt to compare")
                        ? compareError(rk(p, registers, b), rk(p, registers, c)) : message;
            default:
                return message;
        }
    }

    private static LuaValue rk(Prototype p, LuaValue[] registers, int rk) {
        return ISK(rk) ? p.k[INDEXK(rk)] : registers[rk];
    }

    private static String typeError(Prototype p, int pc, int register, LuaValue value, String operation) {
        String type = value == null ? "nil" : value.typename();
        VariableNames.Name name = register < 0 ? null : VariableNames.ofRegister(p, pc, register);
        return name == null
                ? "attempt to " + operation + " a " + type + " value"
                : "attempt to " + operation + " " + name + " (a " + type + " value)";
    }

    private static String upvalueError(LuaClosure closure, int upvalue, String operation) {
        LuaValue value = closure.upValues[upvalue].getValue();
        String upvalueName = VariableNames.upvalueName(closure.p, upvalue);
        String type = value.typename();
        // an _ENV that is not a table has no 5.1 counterpart; name the upvalue as 5.1 would
        return "attempt to " + operation + " upvalue '" + upvalueName + "' (a " + type + " value)";
    }

    private static String concatError(Prototype p, int pc, LuaValue[] registers, int first, int last) {
        // 5.1 concatenates right to left, two at a time; the first pair that fails is reported
        LuaValue right = registers[last];
        int rightRegister = last;
        for (int r = last - 1; r >= first; r--) {
            LuaValue left = registers[r];
            boolean leftOk = left.isstring();
            boolean rightOk = right.isstring();
            if (!leftOk || !rightOk) {
                return leftOk ? typeError(p, pc, rightRegister, right, "concatenate")
                        : typeError(p, pc, r, left, "concatenate");
            }
            right = left.concat(right);
            rightRegister = -1;
        }
        return "attempt to concatenate a " + right.typename() + " value";
    }

    static String compareError(LuaValue left, LuaValue right) {
        String t1 = left.typename();
        String t2 = right.typename();
        return t1.equals(t2) ? "attempt to compare two " + t1 + " values" : "attempt to compare " + t1 + " with " + t2;
    }
}
