package pearl.emulator.lua;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkTable;
import static pearl.emulator.lua.LuaArgs.optInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's {@code table} library: concat foreach foreachi getn maxn insert remove setn sort, with
 * 5.1's sort algorithm (so unstable orders and bad comparators come out as on the board).
 */
public final class TableLibrary {

    private TableLibrary() {
    }

    /** Fills {@code table} with the library's functions. */
    public static void install(LuaTable table) {
        LibraryFunction.define(table, "concat", TableLibrary::concat);
        LibraryFunction.define(table, "foreach", args -> {
            LuaTable t = checkTable(args, 1);
            LuaValue f = LuaArgs.checkFunction(args, 2);
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs entry = t.next(k);
                k = entry.arg1();
                if (k.isnil()) {
                    return LuaValue.NONE;
                }
                LuaValue r = f.call(k, entry.arg(2));
                if (!r.isnil()) {
                    return r;
                }
            }
        });
        LibraryFunction.define(table, "foreachi", args -> {
            LuaTable t = checkTable(args, 1);
            LuaValue f = LuaArgs.checkFunction(args, 2);
            int n = t.length();
            for (int i = 1; i <= n; i++) {
                LuaValue r = f.call(LuaValue.valueOf(i), t.rawget(i));
                if (!r.isnil()) {
                    return r;
                }
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(table, "getn", args -> LuaValue.valueOf(checkTable(args, 1).length()));
        LibraryFunction.define(table, "setn", args -> {
            checkTable(args, 1);
            throw new LuaError("'setn' is obsolete");
        });
        LibraryFunction.define(table, "maxn", args -> {
            LuaTable t = checkTable(args, 1);
            double max = 0;
            LuaValue k = LuaValue.NIL;
            while (!(k = t.next(k).arg1()).isnil()) {
                if (k.type() == LuaValue.TNUMBER && k.todouble() > max) {
                    max = k.todouble();
                }
            }
            return LuaValue.valueOf(max);
        });
        LibraryFunction.define(table, "insert", TableLibrary::insert);
        LibraryFunction.define(table, "remove", TableLibrary::remove);
        LibraryFunction.define(table, "sort", args -> {
            LuaTable t = checkTable(args, 1);
            LuaValue comparator = args.arg(2);
            if (!comparator.isnil()) {
                LuaArgs.checkFunction(args, 2);
            }
            new Sort(t, comparator).sort(1, t.length());
            return LuaValue.NONE;
        });
    }

    private static Varargs concat(Varargs args) {
        LuaTable t = checkTable(args, 1);
        LuaString sep = LuaArgs.optString(args, 2, LuaString.valueOf(""));
        int i = optInt(args, 3, 1);
        int last = args.arg(4).isnil() ? t.length() : checkInt(args, 4);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (; i <= last; i++) {
            LuaValue v = t.rawget(i);
            if (!v.isstring()) {
                throw new LuaError("invalid value (at index " + i + ") in table for 'concat'");
            }
            LuaString s = v.strvalue();
            out.write(s.m_bytes, s.m_offset, s.m_length);
            if (i != last) {
                out.write(sep.m_bytes, sep.m_offset, sep.m_length);
            }
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    private static Varargs insert(Varargs args) {
        LuaTable t = checkTable(args, 1);
        int e = t.length() + 1;
        int pos;
        switch (args.narg()) {
            case 2:
                pos = e;
                break;
            case 3:
                pos = checkInt(args, 2);
                if (pos > e) {
                    e = pos;
                }
                for (int i = e; i > pos; i--) {
                    t.rawset(i, t.rawget(i - 1));
                }
                break;
            default:
                throw new LuaError("wrong number of arguments to 'insert'");
        }
        t.rawset(pos, args.arg(args.narg()));
        return LuaValue.NONE;
    }

    private static Varargs remove(Varargs args) {
        LuaTable t = checkTable(args, 1);
        int e = t.length();
        int pos = optInt(args, 2, e);
        if (e == 0 || pos < 1 || pos > e) {
            return LuaValue.NONE;
        }
        LuaValue removed = t.rawget(pos);
        for (; pos < e; pos++) {
            t.rawset(pos, t.rawget(pos + 1));
        }
        t.rawset(e, LuaValue.NIL);
        return removed;
    }

    /** The reference implementation's quicksort: median of three, smaller half recursed. */
    private static final class Sort {
        private final LuaTable t;
        private final LuaValue comparator;

        Sort(LuaTable t, LuaValue comparator) {
            this.t = t;
            this.comparator = comparator;
        }

        private boolean lt(LuaValue a, LuaValue b) {
            return comparator.isnil() ? Comparisons.lessThan(a, b) : comparator.call(a, b).toboolean();
        }

        private void swap(int i, int j) {
            LuaValue a = t.rawget(i);
            t.rawset(i, t.rawget(j));
            t.rawset(j, a);
        }

        void sort(int lo, int up) {
            while (lo < up) {
                if (lt(t.rawget(up), t.rawget(lo))) {
                    swap(lo, up);
                }
                if (up - lo == 1) {
                    break;
                }
                int i = (lo + up) / 2;
                if (lt(t.rawget(i), t.rawget(lo))) {
                    swap(i, lo);
                } else if (lt(t.rawget(up), t.rawget(i))) {
                    swap(i, up);
                }
                if (up - lo == 2) {
                    break;
                }
                LuaValue pivot = t.rawget(i);
                swap(i, up - 1);
                i = lo;
                int j = up - 1;
                while (true) {
                    while (lt(t.rawget(++i), pivot)) {
                        if (i > up) {
                            throw new LuaError("invalid order function for sorting");
                        }
                    }
                    while (lt(pivot, t.rawget(--j))) {
                        if (j < lo) {
                            throw new LuaError("invalid order function for sorting");
                        }
                    }
                    if (j < i) {
                        break;
                    }
                    swap(i, j);
                }
                swap(up - 1, i);
                int from;
                int to;
                if (i - lo < up - i) {
                    from = lo;
                    to = i - 1;
                    lo = i + 1;
                } else {
                    from = i + 1;
                    to = up;
                    up = i - 1;
                }
                sort(from, to);
            }
        }
    }
}
