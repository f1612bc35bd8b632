package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code bit}: 32-bit results, signed as the board returns them, logical and arithmetic shifts. */
class BitModuleTest {

    @Test
    void operationsWorkOn32BitIntegers() {
        assertEquals(List.of(
                "-1\t-256",
                "1\t7\t6",
                "15\t2",
                "256\t-2147483648",
                "2147483647\t-1\t16",
                "1024\t13\t9",
                "true\tfalse\tfalse\ttrue"),
                LuaScripts.run(
                        "print(bit.bnot(0), bit.bnot(255))",
                        "print(bit.band(7, 13, 3), bit.bor(1, 2, 4), bit.bxor(3, 5))",
                        "print(bit.band(0x7FFFFFFF, 15), bit.bxor(7, 5))",
                        "print(bit.lshift(1, 8), bit.lshift(1, 31))",
                        "print(bit.rshift(-1, 1), bit.arshift(-1, 1), bit.arshift(256, 4))",
                        "print(bit.bit(10), bit.set(8, 0, 2), bit.clear(13, 2))",
                        "print(bit.isset(5, 2), bit.isset(5, 1), bit.isclear(5, 0), bit.isclear(5, 3))"));
    }

    @Test
    void missingNumbersAreBadArguments() {
        assertEquals(List.of(
                "init.lua:2: bad argument #2 to 'band' (number expected, got string)",
                "init.lua:3: bad argument #1 to 'bnot' (number expected, got no value)",
                "init.lua:4: bad argument #2 to 'lshift' (number expected, got no value)"),
                LuaScripts.run(
                        "print(select(2, pcall(function() return bit.band(1, 'x') end)))",
                        "print(select(2, pcall(function() return bit.bnot() end)))",
                        "print(select(2, pcall(function() return bit.lshift(1) end)))"));
    }
}
