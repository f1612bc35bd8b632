package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code encoder}: the RFC 4648 vectors, binary bytes both ways, and the errors for bad input. */
class EncoderModuleTest {

    @Test
    void base64AndHexFollowRfc4648() {
        assertEquals(List.of(
                "[]\tZg==\tZm8=\tZm9v\tZm9vYg==\tZm9vYmFy",
                "foobar\tfo",
                "666f6f626172\t00ff7f",
                "foobar\t3\ttrue"),
                LuaScripts.run(
                        "print('[' .. encoder.toBase64('') .. ']', encoder.toBase64('f'), encoder.toBase64('fo'), encoder.toBase64('foo'),"
                                + " encoder.toBase64('foob'), encoder.toBase64('foobar'))",
                        "print(encoder.fromBase64('Zm9vYmFy'), encoder.fromBase64('Zm8='))",
                        "print(encoder.toHex('foobar'), encoder.toHex('\\0\\255\\127'))",
                        "print(encoder.fromHex('666F6f626172'), #encoder.fromHex('00ff7f'), encoder.fromHex('00ff7f') == '\\0\\255\\127')"));
    }

    @Test
    void encodingMoreThanTheHeapHoldsRunsOutOfMemory() {
        assertEquals(List.of("false\tnot enough memory", "true\t8000"),
                LuaScripts.run(
                        "local big = ('x'):rep(16000)",
                        "print(pcall(encoder.toHex, big))",
                        "print(pcall(function() return #encoder.toHex(big:sub(1, 4000)) end))"));
    }

    @Test
    void malformedInputIsRefused() {
        assertEquals(List.of(
                "false\tInvalid base64 string",
                "false\tInvalid base64 string",
                "false\tInvalid hex string",
                "false\tInvalid hex string",
                "init.lua:6: bad argument #1 to 'toHex' (string expected, got nil)"),
                LuaScripts.run(
                        "print(pcall(encoder.fromBase64, 'Zm9v!mFy'))",
                        "print(pcall(encoder.fromBase64, 'Zm9'))",
                        "print(pcall(encoder.fromHex, 'abc'))",
                        "print(pcall(encoder.fromHex, 'zz'))",
                        "print(select(2, pcall(function() return encoder.toHex(nil) end)))"));
    }
}
