package pearl.emulator.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A read-only table in flash, as the firmware's ROTables are: library and module tables. A table
 * for {@code type()}; any write raises {@code table is readonly}; {@code setmetatable} on it is
 * ignored. It is filled while open and then {@link #seal() sealed}.
 */
public final class RomTable extends LuaTable {

    private final String name;
    private boolean sealed;

    /** An open ROM table called {@code name} (for views and the debugger). */
    public RomTable(String name) {
        this.name = name;
    }

    /** The name the firmware registers the table under ({@code tmr}, {@code tmr.timer}...). */
    public String romName() {
        return name;
    }

    /** Makes the table read-only. */
    public RomTable seal() {
        sealed = true;
        return this;
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        if (sealed) {
            throw new LuaError("table is readonly");
        }
        super.rawset(key, value);
    }

    @Override
    public void rawset(int key, LuaValue value) {
        if (sealed) {
            throw new LuaError("table is readonly");
        }
        super.rawset(key, value);
    }

    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        if (sealed) {
            return this;
        }
        return super.setmetatable(metatable);
    }
}
