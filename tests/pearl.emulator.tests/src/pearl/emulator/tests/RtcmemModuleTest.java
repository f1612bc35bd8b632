package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code rtcmem}: 128 slots that survive a restart but not a power cycle. */
class RtcmemModuleTest {

    @Test
    void slotsReadBackWhatWasWrittenAndIgnoreIndexesOutOfRange() {
        assertEquals(List.of(
                "42\t-7\t9",
                "0\t0\t2",
                "5"),
                LuaScripts.run(
                        "rtcmem.write32(10, 42, -7, 9) print(rtcmem.read32(10, 3))",
                        "rtcmem.write32(128, 1) print(select('#', rtcmem.read32(128)), select('#', rtcmem.read32(-1)), select('#', rtcmem.read32(126, 5)))",
                        "rtcmem.write32(127, 5) print(rtcmem.read32(127))"));
    }

    @Test
    void aRestartKeepsTheSlotsAPowerCycleDoesNot() {
        String init = String.join("\n",
                "if rtcmem.read32(3) ~= 12345 then",
                "  print('fresh') rtcmem.write32(3, 12345) node.restart()",
                "else",
                "  print('kept')",
                "end", "");
        String first = new TestBoards(init).run(3000);
        assertTrue(first.contains("fresh\n") && first.contains("kept\n"), first);
        String second = new TestBoards("print('slot 3', rtcmem.read32(3))").run(100);
        assertTrue(second.contains("slot 3\t") && !second.contains("slot 3\t12345"), second);
    }

    @Test
    void badArgumentsAreReported() {
        assertEquals(List.of(
                "init.lua:2: bad argument #1 to 'read32' (number expected, got no value)",
                "init.lua:3: bad argument #2 to 'write32' (number expected, got string)"),
                LuaScripts.run(
                        "print(select(2, pcall(function() return rtcmem.read32() end)))",
                        "print(select(2, pcall(function() return rtcmem.write32(1, 'x') end)))"));
    }
}
