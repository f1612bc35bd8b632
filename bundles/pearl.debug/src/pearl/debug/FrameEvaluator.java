package pearl.debug;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

import pearl.emulator.Board;
import pearl.emulator.lua.Environments;
import pearl.emulator.lua.LuaCallStack;

/**
 * Evaluates Lua in a paused frame, for watches, hovers, the debug console and breakpoint
 * conditions: names resolve to the frame's locals, then its upvalues, then its function's globals;
 * assignments change them. The code runs beside the program: no CPU time, no breakpoints.
 */
final class FrameEvaluator {

    /**
     * The value of {@code code} in {@code frame} (null: at the top level, with the globals): an
     * expression, or else a statement (its value nil).
     *
     * @throws LuaError with the message Lua gives (a syntax error, a runtime error)
     */
    LuaValue evaluate(Board board, LuaCallStack.Frame frame, String code) {
        LuaClosure chunk = compile(board, code);
        LuaValue globals = frame == null ? board.lua().globals()
                : Environments.of(frame.closure(), board.lua().globals());
        if (frame != null) {
            Environments.set(chunk, scope(frame, globals));
        }
        Varargs result = board.lua().hooks().aside(chunk::invoke);
        return result.arg1();
    }

    private static LuaClosure compile(Board board, String code) {
        try {
            return board.lua().compile("return " + code, "=(debug)");
        } catch (LuaError notAnExpression) {
            return board.lua().compile(code, "=(debug)");
        }
    }

    /** A table that reads and writes the frame's variables, falling back to its globals. */
    private static LuaTable scope(LuaCallStack.Frame frame, LuaValue globals) {
        LuaTable meta = new LuaTable();
        meta.rawset(LuaValue.INDEX, new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue key) {
                FrameVariables.Variable v = key.isstring() ? FrameVariables.named(frame, key.tojstring()) : null;
                return v != null ? FrameVariables.value(frame, v) : globals.get(key);
            }
        });
        meta.rawset(LuaValue.NEWINDEX, new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue key, LuaValue value) {
                FrameVariables.Variable v = key.isstring() ? FrameVariables.named(frame, key.tojstring()) : null;
                if (v != null) {
                    FrameVariables.set(frame, v, value);
                } else {
                    globals.set(key, value);
                }
                return LuaValue.NONE;
            }
        });
        LuaTable scope = new LuaTable();
        scope.setmetatable(meta);
        return scope;
    }

    /** A logpoint's message with each {@code {expression}} replaced by its value as text. */
    String interpolate(Board board, LuaCallStack.Frame frame, String message) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('{', i);
            int close = open < 0 ? -1 : message.indexOf('}', open);
            if (close < 0) {
                out.append(message, i, message.length());
                break;
            }
            out.append(message, i, open);
            String expression = message.substring(open + 1, close);
            try {
                out.append(ValueText.plain(evaluate(board, frame, expression)));
            } catch (LuaError e) {
                out.append("{error: ").append(e.getMessage()).append('}');
            }
            i = close + 1;
        }
        return out.toString();
    }
}
