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
        LibraryFunction.define(table, "traceback", args -> {
            LuaValue message = args.arg1();
            if (!message.isnil() && !message.isstring()) {
                return message;
            }
            int level = LuaArgs.optInt(args, 2, 1);
            String trace = Tracebacks.of(hooks.stack(), Math.max(level, 1));
            return LuaValue.valueOf(message.isnil() ? trace : message.tojstring() + "\n" + trace);
        });
    }
}
