package pearl.emulator.modules.json;

import static pearl.emulator.lua.LuaArgs.typeError;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The options table of {@code sjson.encode}/{@code decode}/{@code encoder}/{@code decoder}:
 * {@code depth} (default 20), {@code null} and, for decoding, {@code metatable}.
 *
 * @param depth      how deeply tables may nest
 * @param nullValue  encoding: a value that encodes as {@code null}; decoding: what {@code null} becomes
 * @param metatable  the metatable of every decoded table, or nil
 */
public record JsonOptions(int depth, LuaValue nullValue, LuaValue metatable) {

    /** The default nesting limit. */
    public static final int DEFAULT_DEPTH = 20;

    /**
     * What {@code null} decodes to without an options table: a light userdata holding NULL, one
     * value so that {@code v == first} comparisons work between decodes.
     */
    public static final LuaUserdata NULL = new LuaUserdata(new Object()) {
        @Override
        public String tojstring() {
            return "userdata: 0x00000000";
        }
    };

    /** The options in argument {@code n} of {@code args} (absent: the defaults, null as {@link #NULL}). */
    public static JsonOptions of(Varargs args, int n) {
        LuaValue opts = args.arg(n);
        if (opts.isnil()) {
            return new JsonOptions(DEFAULT_DEPTH, NULL, LuaValue.NIL);
        }
        if (!opts.istable()) {
            throw typeError(args, n, "table");
        }
        LuaValue depth = opts.get("depth");
        LuaValue metatable = opts.get("metatable");
        return new JsonOptions(depth.isnumber() ? depth.toint() : DEFAULT_DEPTH, opts.get("null"),
                metatable.istable() ? metatable : LuaValue.NIL);
    }

    /** What a decoded {@code null} becomes. */
    LuaValue decodedNull() {
        return nullValue;
    }

    /** A table for a decoded object or array. */
    LuaTable newTable() {
        LuaTable t = new LuaTable();
        if (metatable.istable()) {
            t.setmetatable(metatable);
        }
        return t;
    }
}
