package pearl.emulator.heap;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.LuaObjectSizes;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.VmHooks;

/**
 * Tells the allocation watch what the library functions that build strings and grow tables
 * allocate ({@link VmHooks#allocate}), so that a program filling the heap through them runs out
 * of memory where the board would. Wraps the functions of a library table before it is sealed.
 */
public final class LibraryAllocations {

    private static final LuaObjectSizes SIZES = LuaObjectSizes.floatBuild();
    private static final String[] STRING_BUILDERS = { "format", "gsub", "sub", "upper", "lower", "char", "reverse" };

    private LibraryAllocations() {
    }

    /** Watches the string builders of the {@code string} library table. */
    public static void watchString(LuaTable string, VmHooks hooks) {
        for (String name : STRING_BUILDERS) {
            LuaValue f = string.rawget(name);
            if (f.isfunction()) {
                string.rawset(name, LibraryFunction.of(name, args -> resultStrings(f.invoke(args), hooks)));
            }
        }
        LuaValue rep = string.rawget("rep");
        if (rep.isfunction()) {
            string.rawset("rep", LibraryFunction.of("rep", args -> {
                LuaValue s = args.arg1();
                LuaValue n = args.arg(2);
                if (s.isstring() && n.isnumber() && n.todouble() > 0) {
                    double bytes = (double) s.checkstring().m_length * Math.floor(n.todouble());
                    hooks.allocate(SIZES.string((int) Math.min(Integer.MAX_VALUE / 2, bytes)));
                }
                return rep.invoke(args);
            }));
        }
    }

    /** Watches {@code table.concat} (a string) and {@code table.insert} (growth). */
    public static void watchTable(LuaTable table, VmHooks hooks) {
        LuaValue concat = table.rawget("concat");
        if (concat.isfunction()) {
            table.rawset("concat", LibraryFunction.of("concat", args -> resultStrings(concat.invoke(args), hooks)));
        }
        LuaValue insert = table.rawget("insert");
        if (insert.isfunction()) {
            table.rawset("insert", LibraryFunction.of("insert", args -> {
                if (!(args.arg1() instanceof LuaTable t)) {
                    return insert.invoke(args);
                }
                long before = shape(t);
                Varargs r = insert.invoke(args);
                long grown = shape(t) - before;
                if (grown > 0) {
                    hooks.allocate(grown);
                }
                return r;
            }));
        }
    }

    private static long shape(LuaTable t) {
        return SIZES.table(LuaJTables.arraySlots(t), LuaJTables.hashNodes(t));
    }

    private static Varargs resultStrings(Varargs r, VmHooks hooks) {
        LuaValue first = r.arg1();
        if (first instanceof LuaString s) {
            hooks.allocate(SIZES.string(s.m_length));
        }
        return r;
    }
}
