package pearl.emulator.modules;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The heap a freshly built value takes: its tables and strings, nested ones included (no sharing). */
final class HeapOfValue {

    private HeapOfValue() {
    }

    /** Bytes of {@code v} and everything inside it. */
    static long bytes(LuaValue v) {
        if (v.type() == LuaValue.TSTRING) {
            return ModuleAllocations.string(v.checkstring().m_length);
        }
        if (!(v instanceof LuaTable t)) {
            return 0;
        }
        long total = ModuleAllocations.table(t);
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs entry = t.next(k);
            k = entry.arg1();
            if (k.isnil()) {
                return total;
            }
            total += bytes(k) + bytes(entry.arg(2));
        }
    }
}
