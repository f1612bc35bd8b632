package pearl.emulator.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** Lua 5.1's {@code <} for library code (table.sort), with 5.1's metamethod rule and error text. */
final class Comparisons {

    private static final LuaValue LT = LuaValue.valueOf("__lt");

    private Comparisons() {
    }

    static boolean lessThan(LuaValue a, LuaValue b) {
        if (a.type() == LuaValue.TNUMBER && b.type() == LuaValue.TNUMBER) {
            return a.todouble() < b.todouble();
        }
        if (a.type() == LuaValue.TSTRING && b.type() == LuaValue.TSTRING) {
            return a.strvalue().strcmp(b.strvalue()) < 0;
        }
        LuaValue handler = a.metatag(LT);
        if (a.type() == b.type() && !handler.isnil() && handler.raweq(b.metatag(LT))) {
            return handler.call(a, b).toboolean();
        }
        throw new LuaError(RuntimeErrors.compareError(a, b));
    }
}
