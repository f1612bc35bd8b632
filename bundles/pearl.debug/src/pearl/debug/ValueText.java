package pearl.debug;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;

import pearl.emulator.lua.BaseLibrary;
import pearl.emulator.lua.ChunkNames;
import pearl.emulator.lua.LuaBytes;

/**
 * How the debugger shows a Lua value: never through a metamethod (showing a value must not run
 * the program's code), functions with where they are defined.
 */
final class ValueText {

    private static final int MAX_STRING = 2000;

    private ValueText() {
    }

    /** The value as {@code print} would show it, without metamethods. */
    static String plain(LuaValue v) {
        return v.isstring() && !v.isnumber() ? LuaBytes.chars(v) : BaseLibrary.plainText(v);
    }

    /** The value for the Variables view: strings quoted, functions with their source line. */
    static String display(LuaValue v) {
        if (v.type() == LuaValue.TSTRING) {
            String s = LuaBytes.chars(v);
            if (s.length() > MAX_STRING) {
                s = s.substring(0, MAX_STRING) + "...";
            }
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
        }
        if (v instanceof LuaClosure c) {
            return "function: " + ChunkNames.shortSource(c.p.source) + ":" + c.p.linedefined;
        }
        if (v.isfunction()) {
            return "function: builtin";
        }
        return BaseLibrary.plainText(v);
    }

    /** The Lua type name, for the Variables view's type column. */
    static String type(LuaValue v) {
        return v.typename();
    }
}
