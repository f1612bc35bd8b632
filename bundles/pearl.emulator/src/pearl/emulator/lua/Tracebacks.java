package pearl.emulator.lua;

import org.luaj.vm2.LuaClosure;

/** {@code stack traceback:} text in Lua 5.1's format, from a {@link LuaCallStack}. */
public final class Tracebacks {

    private Tracebacks() {
    }

    /** The frames from {@code level} ({@code 1} = innermost) outwards. */
    public static String of(LuaCallStack stack, int level) {
        StringBuilder out = new StringBuilder("stack traceback:");
        for (int l = level; l <= stack.depth(); l++) {
            LuaCallStack.Frame frame = stack.frame(l);
            out.append("\n\t").append(frame.source()).append(':');
            int line = frame.line();
            if (line > 0) {
                out.append(line).append(':');
            }
            out.append(describe(stack, l));
        }
        return out.toString();
    }

    private static String describe(LuaCallStack stack, int level) {
        LuaCallStack.Frame frame = stack.frame(level);
        LuaClosure closure = frame.closure();
        if (closure.p.linedefined == 0) {
            return " in main chunk";
        }
        LuaCallStack.Frame caller = stack.frame(level + 1);
        VariableNames.Name name = caller == null ? null : VmHooks.calledName(caller.closure(), caller.pc());
        if (name != null) {
            return " in function '" + name.name() + "'";
        }
        return " in function <" + frame.source() + ":" + closure.p.linedefined + ">";
    }
}
