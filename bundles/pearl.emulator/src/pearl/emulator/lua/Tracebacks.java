package pearl.emulator.lua;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * {@code stack traceback:} text in Lua 5.1's format, from a {@link LuaCallStack}. The stack holds
 * Lua frames only; a library function that sits between two of them (the {@code pcall},
 * {@code table.sort} or {@code error} a frame is calling) shows as 5.1 shows a C function:
 * {@code [C]: in function 'sort'}.
 */
public final class Tracebacks {

    private static final String TAIL_CALL = "\n\t(tail call): ?";

    private Tracebacks() {
    }

    /** The frames from {@code level} ({@code 1} = innermost) outwards, as {@code debug.traceback} gives them. */
    public static String of(LuaCallStack stack, int level) {
        return of(stack, level, false);
    }

    /**
     * The frames from {@code level} outwards; {@code fromCallee} also shows the library function
     * the innermost of them is calling, as when an error was raised inside it.
     */
    public static String of(LuaCallStack stack, int level, boolean fromCallee) {
        StringBuilder out = new StringBuilder("stack traceback:");
        LuaCallStack.Frame inside = level > 1 ? stack.frame(level - 1) : null;
        if (inside != null && inside.tailCalled()) {
            out.append(TAIL_CALL); // the level just inside is a tail call's lost caller
        }
        for (int l = level; l <= stack.depth(); l++) {
            LuaCallStack.Frame frame = stack.frame(l);
            if ((l > level || fromCallee) && callsLibraryFunction(frame)) {
                VariableNames.Name name = VmHooks.calledName(frame.closure(), frame.pc());
                out.append("\n\t[C]: ").append(name == null ? "?" : "in function '" + name.name() + "'");
            }
            out.append("\n\t").append(frame.source()).append(':');
            int line = frame.line();
            if (line > 0) {
                out.append(line).append(':');
            }
            out.append(describe(stack, l));
            if (frame.tailCalled()) {
                out.append(TAIL_CALL);
            }
        }
        return out.toString();
    }

    /** Whether the frame's current instruction calls a function that is not Lua code. */
    static boolean callsLibraryFunction(LuaCallStack.Frame frame) {
        LuaValue callee = frame.callee();
        return callee instanceof LuaFunction && !(callee instanceof LuaClosure);
    }

    /**
     * What the frame at {@code level} runs, as a traceback names it: {@code main chunk},
     * {@code function 'blink'}, {@code function <init.lua:12>}.
     */
    public static String nameOf(LuaCallStack stack, int level) {
        return describe(stack, level).substring(" in ".length());
    }

    private static String describe(LuaCallStack stack, int level) {
        LuaCallStack.Frame frame = stack.frame(level);
        LuaClosure closure = frame.closure();
        if (closure.p.linedefined == 0) {
            return " in main chunk";
        }
        LuaCallStack.Frame caller = frame.tailCalled() ? null : stack.frame(level + 1);
        VariableNames.Name name = caller == null ? null : VmHooks.calledName(caller.closure(), caller.pc());
        if (name != null && !callsLibraryFunction(caller)) {
            return " in function '" + name.name() + "'";
        }
        return " in function <" + frame.source() + ":" + closure.p.linedefined + ">";
    }
}
