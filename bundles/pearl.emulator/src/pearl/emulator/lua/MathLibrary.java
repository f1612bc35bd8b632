package pearl.emulator.lua;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkNumber;

import java.util.SplittableRandom;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The firmware's trimmed {@code math}: abs ceil floor max min pow random randomseed sqrt, pi and
 * huge. Random numbers come from the board's seed, so runs repeat.
 */
public final class MathLibrary {

    private SplittableRandom random;

    private MathLibrary(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Fills {@code table} with the library's functions, random numbers seeded with {@code seed}. */
    public static void install(LuaTable table, long seed) {
        MathLibrary lib = new MathLibrary(seed);
        LibraryFunction.define(table, "abs", args -> LuaValue.valueOf(Math.abs(checkNumber(args, 1))));
        LibraryFunction.define(table, "ceil", args -> LuaValue.valueOf(Math.ceil(checkNumber(args, 1))));
        LibraryFunction.define(table, "floor", args -> LuaValue.valueOf(Math.floor(checkNumber(args, 1))));
        LibraryFunction.define(table, "sqrt", args -> LuaValue.valueOf(Math.sqrt(checkNumber(args, 1))));
        LibraryFunction.define(table, "pow", args -> LuaValue.valueOf(Math.pow(checkNumber(args, 1), checkNumber(args, 2))));
        LibraryFunction.define(table, "max", args -> extreme(args, true));
        LibraryFunction.define(table, "min", args -> extreme(args, false));
        LibraryFunction.define(table, "random", lib::random);
        LibraryFunction.define(table, "randomseed", args -> {
            lib.random = new SplittableRandom(checkInt(args, 1));
            return LuaValue.NONE;
        });
        table.rawset("pi", LuaValue.valueOf(Math.PI));
        table.rawset("huge", LuaValue.valueOf(Double.POSITIVE_INFINITY));
    }

    private static Varargs extreme(Varargs args, boolean max) {
        double best = checkNumber(args, 1);
        for (int i = 2; i <= args.narg(); i++) {
            double d = checkNumber(args, i);
            if (max ? d > best : d < best) {
                best = d;
            }
        }
        return LuaValue.valueOf(best);
    }

    private Varargs random(Varargs args) {
        double r = random.nextDouble();
        switch (args.narg()) {
            case 0:
                return LuaValue.valueOf(r);
            case 1: {
                int u = checkInt(args, 1);
                if (u < 1) {
                    throw LuaArgs.argError(1, "interval is empty");
                }
                return LuaValue.valueOf(Math.floor(r * u) + 1);
            }
            case 2: {
                int l = checkInt(args, 1);
                int u = checkInt(args, 2);
                if (l > u) {
                    throw LuaArgs.argError(2, "interval is empty");
                }
                return LuaValue.valueOf(Math.floor(r * (u - (double) l + 1)) + l);
            }
            default:
                throw new LuaError("wrong number of arguments");
        }
    }
}
