package pearl.emulator.modules.json;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Writes Lua values as JSON the way {@code sjson} encodes them: a table whose keys are exactly
 * 1..n becomes an array, any other table an object (number keys as strings); functions are called
 * and their result written; userdata (and the options' null string) become {@code null}.
 * Strings are written byte for byte, escaping only what JSON requires.
 */
public final class JsonWriter {

    /** Lua 5.1's {@code lua_type} numbers, which the firmware's error message shows. */
    private static final int LUA_TTHREAD = 8;

    private final JsonOptions options;
    private final StringBuilder out = new StringBuilder();

    private JsonWriter(JsonOptions options) {
        this.options = options;
    }

    /** {@code value} as JSON text (bytes, one char each). */
    public static String write(LuaValue value, JsonOptions options) {
        JsonWriter w = new JsonWriter(options);
        w.value(value, 0);
        return w.out.toString();
    }

    private void value(LuaValue v, int depth) {
        switch (v.type()) {
            case LuaValue.TNIL, LuaValue.TUSERDATA, LuaValue.TLIGHTUSERDATA -> out.append("null");
            case LuaValue.TBOOLEAN -> out.append(v.toboolean() ? "true" : "false");
            case LuaValue.TNUMBER -> number(v);
            case LuaValue.TSTRING -> {
                if (options.nullValue().isstring() && options.nullValue().raweq(v)) {
                    out.append("null");
                } else {
                    string(v.checkstring());
                }
            }
            case LuaValue.TFUNCTION -> value(v.call(), depth);
            case LuaValue.TTABLE -> table(v.checktable(), depth + 1);
            default -> throw new LuaError("Cannot encode type " + LUA_TTHREAD);
        }
    }

    private void number(LuaValue v) {
        double d = v.todouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null"); // JSON has no spelling for them
        } else {
            out.append(v.tojstring());
        }
    }

    private void table(LuaTable t, int depth) {
        if (depth > options.depth()) {
            throw new LuaError("encoder stack overflow");
        }
        int n = sequenceLength(t);
        if (n > 0) {
            out.append('[');
            for (int i = 1; i <= n; i++) {
                if (i > 1) {
                    out.append(',');
                }
                value(t.rawget(i), depth);
            }
            out.append(']');
            return;
        }
        out.append('{');
        boolean first = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs entry = t.next(k);
            k = entry.arg1();
            if (k.isnil()) {
                break;
            }
            if (!k.isstring()) {
                throw new LuaError("Cannot encode type " + luaType(k));
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(k.strvalue());
            out.append(':');
            value(entry.arg(2), depth);
        }
        out.append('}');
    }

    /** n when the keys of {@code t} are exactly 1..n, else 0 (an object, or the empty table). */
    private static int sequenceLength(LuaTable t) {
        int count = 0;
        int max = 0;
        LuaValue k = LuaValue.NIL;
        while (!(k = t.next(k).arg1()).isnil()) {
            if (!k.isinttype() || k.toint() < 1) {
                return 0;
            }
            count++;
            max = Math.max(max, k.toint());
        }
        return count == max ? max : 0;
    }

    private static int luaType(LuaValue v) {
        return switch (v.type()) {
            case LuaValue.TBOOLEAN -> 1;
            case LuaValue.TLIGHTUSERDATA -> 2;
            case LuaValue.TTABLE -> 5;
            case LuaValue.TFUNCTION -> 6;
            case LuaValue.TUSERDATA -> 7;
            default -> LUA_TTHREAD;
        };
    }

    private void string(LuaString s) {
        out.append('"');
        for (int i = 0; i < s.m_length; i++) {
            char c = (char) (s.m_bytes[s.m_offset + i] & 0xff);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
