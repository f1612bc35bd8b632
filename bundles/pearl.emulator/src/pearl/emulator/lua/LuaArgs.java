package pearl.emulator.lua;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Argument checks with Lua 5.1's lauxlib semantics and words: numbers and numeric strings convert
 * into each other, a missing argument is {@code no value}, and a wrong one raises
 * {@code bad argument #n to 'f' (number expected, got nil)} (see {@link ArgumentError}).
 * Positions are 1-based and count {@code self}.
 */
public final class LuaArgs {

    private LuaArgs() {
    }

    /** The type name Lua 5.1 gives argument {@code n}: {@code no value} past the end. */
    public static String typeName(Varargs args, int n) {
        return n > args.narg() ? "no value" : args.arg(n).typename();
    }

    /** Raises {@code bad argument #n ... (expected expected, got type)}. */
    public static ArgumentError typeError(Varargs args, int n, String expected) {
        return new ArgumentError(n, expected + " expected, got " + typeName(args, n));
    }

    /** Raises {@code bad argument #n ... (problem)}. */
    public static ArgumentError argError(int n, String problem) {
        return new ArgumentError(n, problem);
    }

    /** {@code luaL_checknumber}. */
    public static double checkNumber(Varargs args, int n) {
        LuaValue v = args.arg(n).tonumber();
        if (v.isnil()) {
            throw typeError(args, n, "number");
        }
        return v.todouble();
    }

    /** {@code luaL_optnumber}. */
    public static double optNumber(Varargs args, int n, double fallback) {
        return args.arg(n).isnil() ? fallback : checkNumber(args, n);
    }

    /**
     * {@code luaL_checkinteger}: the number truncated toward zero to the board's 32-bit
     * {@code ptrdiff_t} (values beyond it saturate, as the soft-float conversion does).
     */
    public static int checkInt(Varargs args, int n) {
        return toInt(checkNumber(args, n));
    }

    /** {@code luaL_optinteger}. */
    public static int optInt(Varargs args, int n, int fallback) {
        return args.arg(n).isnil() ? fallback : checkInt(args, n);
    }

    /** A Lua number as the board's C code converts it to an int. */
    public static int toInt(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
    }

    /** {@code luaL_checklstring}: a string, or a number converted with {@code %.14g}. */
    public static LuaString checkString(Varargs args, int n) {
        LuaValue v = args.arg(n);
        if (!v.isstring()) {
            throw typeError(args, n, "string");
        }
        return v.strvalue();
    }

    /** {@code luaL_optlstring}. */
    public static LuaString optString(Varargs args, int n, LuaString fallback) {
        return args.arg(n).isnil() ? fallback : checkString(args, n);
    }

    /** {@code luaL_checktype(L, n, LUA_TTABLE)}. */
    public static LuaTable checkTable(Varargs args, int n) {
        LuaValue v = args.arg(n);
        if (!v.istable()) {
            throw typeError(args, n, "table");
        }
        return v.checktable();
    }

    /** {@code luaL_checktype(L, n, LUA_TFUNCTION)}. */
    public static LuaValue checkFunction(Varargs args, int n) {
        LuaValue v = args.arg(n);
        if (!v.isfunction()) {
            throw typeError(args, n, "function");
        }
        return v;
    }

    /** {@code luaL_checkany}: any value, nil included, but present. */
    public static LuaValue checkAny(Varargs args, int n) {
        if (n > args.narg()) {
            throw argError(n, "value expected");
        }
        return args.arg(n);
    }

    /** {@code luaL_checkoption}: one of {@code options}, or {@code fallback} when absent. */
    public static int checkOption(Varargs args, int n, String fallback, String... options) {
        String name = fallback != null && args.arg(n).isnil() ? fallback : checkString(args, n).tojstring();
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(name)) {
                return i;
            }
        }
        throw argError(n, "invalid option '" + name + "'");
    }
}
