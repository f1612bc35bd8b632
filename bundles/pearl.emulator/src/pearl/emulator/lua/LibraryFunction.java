package pearl.emulator.lua;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function as one lambda: {@code library.set("rep", LibraryFunction.of("rep", args -> ...))}.
 * It prints as {@code function: 0x...}, like a C function on the board.
 */
public final class LibraryFunction extends VarArgFunction {

    /** The body of a library function. */
    @FunctionalInterface
    public interface Body {
        /** Runs the function on its arguments. */
        Varargs call(Varargs args);
    }

    private final Body body;
    private final LuaValue[] upvalues;

    private LibraryFunction(String name, Body body, LuaValue[] upvalues) {
        this.name = name;
        this.body = body;
        this.upvalues = upvalues;
    }

    /** A function named {@code name} (the name shows in Java stack traces, not to Lua). */
    public static LibraryFunction of(String name, Body body) {
        return new LibraryFunction(name, body, null);
    }

    /**
     * A function made at run time with {@code upvalues}, as a C closure is on the board: it costs
     * heap (a library function made with {@link #of} lives in flash and costs none), and what it
     * holds stays alive as long as it does.
     */
    public static LibraryFunction closure(String name, Body body, LuaValue... upvalues) {
        return new LibraryFunction(name, body, upvalues.clone());
    }

    /** The values a {@link #closure} holds; null for a library function in flash. */
    public LuaValue[] upvalues() {
        return upvalues;
    }

    /** Defines {@code name} in {@code table} as a library function. */
    public static void define(LuaTable table, String name, Body body) {
        table.rawset(name, of(name, body));
    }

    @Override
    public Varargs invoke(Varargs args) {
        return body.call(args);
    }

    @Override
    public String tojstring() {
        return String.format("function: 0x%08x", System.identityHashCode(this));
    }

    /** The name the function was defined with. */
    public String functionName() {
        return name;
    }
}
