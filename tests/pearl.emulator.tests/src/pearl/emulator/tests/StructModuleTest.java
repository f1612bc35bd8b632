package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code struct}: byte order, sizes, alignment, strings, and the format and data errors. */
class StructModuleTest {

    @Test
    void integersPackInTheChosenByteOrder() {
        assertEquals(List.of(
                "0102\t0201\t04030201",
                "ff\tfeff\t80",
                "-2\t65534\t5",
                "-1\t255\t4294967295\t9",
                "0000803f\t000000000000f03f",
                "1.5\t-2.25\t13"),
                LuaScripts.run(
                        "print(encoder.toHex(struct.pack('>h', 0x102)), encoder.toHex(struct.pack('<h', 0x102)), encoder.toHex(struct.pack('i', 0x01020304)))",
                        "print(encoder.toHex(struct.pack('b', -1)), encoder.toHex(struct.pack('h', -2)), encoder.toHex(struct.pack('B', 128)))",
                        "local s = struct.pack('<hh', -2, -2) print(struct.unpack('<h', s), struct.unpack('<H', s, 3))",
                        "local all = string.char(255, 255, 255, 255) print(struct.unpack('b', all), struct.unpack('B', all), (struct.unpack('I4', all)), 5 + 4)",
                        "print(encoder.toHex(struct.pack('<f', 1)), encoder.toHex(struct.pack('<d', 1)))",
                        "print(struct.unpack('<fd', struct.pack('<fd', 1.5, -2.25)))"));
    }

    @Test
    void sizesCountPaddingOnlyWithAlignment() {
        assertEquals(List.of(
                "1\t2\t4\t4\t4\t8\t3\t7",
                "5\t8\t16",
                "01000200",
                "4"),
                LuaScripts.run(
                        "print(struct.size('b'), struct.size('h'), struct.size('l'), struct.size('i'), struct.size('f'), struct.size('d'),"
                                + " struct.size('i3'), struct.size('c7'))",
                        "print(struct.size('bi'), struct.size('!4bi'), struct.size('!bd'))",
                        "print(encoder.toHex(struct.pack('!2<bxh', 1, 2)))",
                        "print(struct.size('b x h'))"));
    }

    @Test
    void stringsPackFixedZeroTerminatedAndCounted() {
        assertEquals(List.of(
                "6162630061\t6162",
                "abc\tab\t7",
                "hello\t7"),
                LuaScripts.run(
                        "print(encoder.toHex(struct.pack('sc1', 'abc', 'a')), encoder.toHex(struct.pack('c2', 'abcd')))",
                        "print(struct.unpack('sc2', 'abc\\0abX'))",
                        "print(struct.unpack('Bc0', struct.pack('Bc0', 5, 'hello') .. 'rest', 1))"));
    }

    @Test
    void malformedFormatsAndShortDataRaiseTheLibrarysErrors() {
        List<String> out = LuaScripts.run(
                "print(select(2, pcall(function() return struct.unpack('i', 'ab') end)))",
                "print(select(2, pcall(function() return struct.pack('c5', 'ab') end)))",
                "print(pcall(struct.unpack, 'c0', 'abc'))",
                "print(pcall(struct.unpack, 's', 'abc'))",
                "print(select(2, pcall(function() return struct.size('s') end)))",
                "print(select(2, pcall(function() return struct.size('c0') end)))",
                "print(pcall(struct.size, 'i40'))",
                "print(pcall(struct.size, '!3i'))",
                "print(pcall(struct.pack, 'q', 1))");
        assertEquals(List.of(
                "init.lua:2: bad argument #2 to 'unpack' (data string too short)",
                "init.lua:3: bad argument #2 to 'pack' (string too short)",
                "false\tformat 'c0' needs a previous size",
                "false\tunfinished string in data",
                "init.lua:6: bad argument #1 to 'size' (option 's' has no fixed size)",
                "init.lua:7: bad argument #1 to 'size' (option 'c0' has no fixed size)",
                "false\tintegral size 40 is larger than limit of 32",
                "false\talignment 3 is not a power of 2",
                "false\tinvalid format option 'q'"), out);
    }
}
