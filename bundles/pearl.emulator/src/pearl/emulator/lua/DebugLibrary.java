package pearl.emulator.lua;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The firmware's minimal {@code debug} ({@code LUA_USE_BUILTIN_DEBUG_MINIMAL}): getregistry,
 * getstrings and traceback.
 */
public final class DebugLibrary {

    private DebugLibrary() {
    }

    /** Fills {@code table}; {@code registry} is the board's registry, {@code strings} lists interned strings. */
    public static void install(LuaTable table, VmHooks hooks, LuaTable registry, java.util.function.Supplier<LuaTable> strings) {
        LibraryFunction.define(table, "getregistry", args -> registry);
        LibraryFunction.define(table, "getstrings", args -> strings.get());
        table.rawset("traceback", LibraryFunction.of("traceback", args -> {
            LuaValue message = args.arg1();
            if (!message.isnil() && !message.isstring()) {
                return message;
            }
            int level = Math.max(LuaArgs.optInt(args, 2, 1), 1);
            LuaCallStack stack = hooks.stack();
            // Run as xpcall's message handler, traceback finds the library function that raised
            // the error (error, a bad argument) still on the stack, as 5.1 does.
            LuaCallStack.Frame innermost = stack.frame(level);
            boolean handler = innermost != null && Tracebacks.callsLibraryFunction(innermost)
                    && innermost.callee() != table.rawget("traceback");
            String trace = Tracebacks.of(stack, level, handler);
            return LuaValue.valueOf(message.isnil() ? trace : message.tojstring() + "\n" + trace);
        }));
    }
}
