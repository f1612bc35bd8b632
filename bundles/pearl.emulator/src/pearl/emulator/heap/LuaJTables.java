package pearl.emulator.heap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The shape of a LuaJ table: how many array slots and hash nodes it has allocated, which is what
 * a Lua 5.1 table of the same history holds (LuaJ grows both parts by Lua's rule). LuaJ keeps
 * these in protected fields; they are read here, never written.
 */
public final class LuaJTables {

    private static final VarHandle ARRAY;
    private static final VarHandle HASH;
    private static final VarHandle HASH_ENTRIES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(LuaTable.class, MethodHandles.lookup());
            ARRAY = lookup.findVarHandle(LuaTable.class, "array", LuaValue[].class);
            HASH = lookup.findVarHandle(LuaTable.class, "hash", Class.forName("[Lorg.luaj.vm2.LuaTable$Slot;"));
            HASH_ENTRIES = lookup.findVarHandle(LuaTable.class, "hashEntries", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LuaJTables() {
    }

    /** Slots of the array part. */
    public static int arraySlots(LuaTable t) {
        LuaValue[] array = (LuaValue[]) ARRAY.get(t);
        return array == null ? 0 : array.length;
    }

    /** Nodes of the hash part. */
    public static int hashNodes(LuaTable t) {
        Object[] hash = (Object[]) HASH.get(t);
        return hash == null ? 0 : hash.length;
    }

    /** Keys stored in the hash part. */
    public static int hashEntries(LuaTable t) {
        return (int) HASH_ENTRIES.get(t);
    }
}
