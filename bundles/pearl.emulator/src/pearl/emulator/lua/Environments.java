package pearl.emulator.lua;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;

/**
 * Lua 5.1 function environments on LuaJ's 5.2 model, where a function reaches its globals through
 * an upvalue named {@code _ENV}. Replacing that upvalue (not its value, which enclosing and sibling
 * closures share) gives one function a new environment, as {@code setfenv} does in 5.1; closures
 * it creates afterwards inherit it.
 */
public final class Environments {

    private static final String ENV = "_ENV";

    private Environments() {
    }

    private static int envIndex(LuaClosure c) {
        if (c.p.upvalues == null) {
            return -1;
        }
        for (int i = 0; i < c.p.upvalues.length; i++) {
            if (c.p.upvalues[i].name != null && ENV.equals(c.p.upvalues[i].name.tojstring())) {
                return i;
            }
        }
        return -1;
    }

    /** The environment of {@code f}; {@code globals} for Java functions and functions using none. */
    public static LuaValue of(LuaValue f, LuaValue globals) {
        if (f instanceof LuaClosure c) {
            int i = envIndex(c);
            if (i >= 0 && i < c.upValues.length && c.upValues[i] != null) {
                return c.upValues[i].getValue();
            }
        }
        return globals;
    }

    /** Gives {@code f} the environment {@code env}; false for functions that cannot have one. */
    public static boolean set(LuaValue f, LuaValue env) {
        if (!(f instanceof LuaClosure c)) {
            return false;
        }
        int i = envIndex(c);
        if (i >= 0 && i < c.upValues.length) {
            c.upValues[i] = new UpValue(new LuaValue[] { env }, 0);
        }
        return true;
    }
}
