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

    private LibraryFunction(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    /** A function named {@code name} (the name shows in Java stack traces, not to Lua). */
    public static LibraryFunction of(String name, Body body) {
        return new LibraryFunction(name, body);
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
