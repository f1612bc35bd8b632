package pearl.emulator.net;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code luaL_ref}/{@code luaL_unref} on the Lua registry: the firmware keeps each callback and
 * each anchored object under an integer key there, so the registry's size is the FAQ's leak signal.
 */
public final class RegistryRefs {

    /** No reference ({@code LUA_NOREF}). */
    public static final int NOREF = -2;

    private RegistryRefs() {
    }

    /** Stores {@code value} under a free integer key; returns the key. */
    public static int ref(LuaTable registry, LuaValue value) {
        if (value.isnil()) {
            return NOREF;
        }
        int key = 1;
        while (!registry.rawget(key).isnil()) {
            key++;
        }
        registry.rawset(key, value);
        return key;
    }

    /** Drops the reference {@code key} (nothing for {@link #NOREF}). */
    public static void unref(LuaTable registry, int key) {
        if (key > 0) {
            registry.rawset(key, LuaValue.NIL);
        }
    }
}
