package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkInt;

import java.util.function.IntBinaryOperator;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code bit}: bitwise operations on 32-bit integers. Arguments convert as {@code luaL_checkinteger}
 * does on the board (truncated, saturating at the 32-bit limits) and results come back as signed
 * 32-bit integers, so {@code bit.bnot(0)} is -1. Shift counts use their low five bits, as the
 * Xtensa shifter does.
 */
public final class BitModule implements FirmwareModule {

    @Override
    public String name() {
        return "bit";
    }

    @Override
    public void define(RomTable bit, Board board) {
        LibraryFunction.define(bit, "bnot", args -> LuaValue.valueOf(~checkInt(args, 1)));
        fold(bit, "band", (a, b) -> a & b);
        fold(bit, "bor", (a, b) -> a | b);
        fold(bit, "bxor", (a, b) -> a ^ b);
        binary(bit, "lshift", (x, n) -> x << n);
        binary(bit, "rshift", (x, n) -> x >>> n);
        binary(bit, "arshift", (x, n) -> x >> n);
        LibraryFunction.define(bit, "bit", args -> LuaValue.valueOf(1 << checkInt(args, 1)));
        positions(bit, "set", (x, mask) -> x | mask);
        positions(bit, "clear", (x, mask) -> x & ~mask);
        LibraryFunction.define(bit, "isset", args -> LuaValue.valueOf((checkInt(args, 1) & 1 << checkInt(args, 2)) != 0));
        LibraryFunction.define(bit, "isclear", args -> LuaValue.valueOf((checkInt(args, 1) & 1 << checkInt(args, 2)) == 0));
    }

    /** {@code f(a, b, ...)}: {@code op} over all arguments, at least one. */
    private static void fold(LuaTable bit, String name, IntBinaryOperator op) {
        LibraryFunction.define(bit, name, args -> {
            int r = checkInt(args, 1);
            for (int i = 2; i <= args.narg(); i++) {
                r = op.applyAsInt(r, checkInt(args, i));
            }
            return LuaValue.valueOf(r);
        });
    }

    /** {@code f(x, n)}. */
    private static void binary(LuaTable bit, String name, IntBinaryOperator op) {
        LibraryFunction.define(bit, name, args -> LuaValue.valueOf(op.applyAsInt(checkInt(args, 1), checkInt(args, 2))));
    }

    /** {@code f(x, p1, ...)}: {@code op(x, mask)} with the mask of bit positions p1.... */
    private static void positions(LuaTable bit, String name, IntBinaryOperator op) {
        LibraryFunction.define(bit, name, args -> LuaValue.valueOf(op.applyAsInt(checkInt(args, 1), mask(args, 2))));
    }

    private static int mask(Varargs args, int from) {
        int m = 0;
        for (int i = from; i <= args.narg(); i++) {
            m |= 1 << checkInt(args, i);
        }
        return m;
    }
}
