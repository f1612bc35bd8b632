package pearl.debug;

import java.util.ArrayList;
import java.util.List;

import org.luaj.vm2.LocVars;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

import pearl.emulator.lua.LuaCallStack;

/**
 * The locals and upvalues of a paused frame, by the names the compiler kept. Locals are those in
 * scope at the frame's instruction, in declaration order; the compiler's own ({@code (for index)})
 * are left out.
 */
public final class FrameVariables {

    /** A variable: its name and where it lives (a register of the frame, or an upvalue). */
    public record Variable(String name, int index, boolean upvalue) {
    }

    private FrameVariables() {
    }

    /** The locals in scope at the frame's instruction; a later one of the same name hides an earlier one. */
    public static List<Variable> locals(LuaCallStack.Frame frame) {
        List<Variable> result = new ArrayList<>();
        Prototype p = frame.closure().p;
        if (p.locvars == null) {
            return result;
        }
        int pc = frame.pc();
        int register = 0;
        for (LocVars v : p.locvars) {
            if (v == null || v.startpc > pc) {
                continue;
            }
            if (pc < v.endpc) {
                String name = v.varname.tojstring();
                if (!name.startsWith("(")) {
                    result.removeIf(earlier -> earlier.name().equals(name));
                    result.add(new Variable(name, register, false));
                }
                register++;
            }
        }
        return result;
    }

    /** The upvalues of the frame's function. */
    public static List<Variable> upvalues(LuaClosure closure) {
        List<Variable> result = new ArrayList<>();
        Prototype p = closure.p;
        if (p.upvalues == null) {
            return result;
        }
        for (int i = 0; i < p.upvalues.length && i < closure.upValues.length; i++) {
            String name = p.upvalues[i].name == null ? null : p.upvalues[i].name.tojstring();
            if (name != null && !name.equals("_ENV") && closure.upValues[i] != null) {
                result.add(new Variable(name, i, true));
            }
        }
        return result;
    }

    /** The value of {@code v} in {@code frame}. */
    public static LuaValue value(LuaCallStack.Frame frame, Variable v) {
        if (v.upvalue()) {
            return frame.closure().upValues[v.index()].getValue();
        }
        LuaValue[] registers = frame.registers();
        LuaValue value = registers != null && v.index() < registers.length ? registers[v.index()] : null;
        return value == null ? LuaValue.NIL : value;
    }

    /** Gives {@code v} in {@code frame} the value {@code value}. */
    public static void set(LuaCallStack.Frame frame, Variable v, LuaValue value) {
        if (v.upvalue()) {
            frame.closure().upValues[v.index()].setValue(value);
        } else {
            frame.registers()[v.index()] = value;
        }
    }

    /** The local, else the upvalue, named {@code name} in {@code frame}, or null. */
    public static Variable named(LuaCallStack.Frame frame, String name) {
        for (Variable v : locals(frame)) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        for (Variable v : upvalues(frame.closure())) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }
}
