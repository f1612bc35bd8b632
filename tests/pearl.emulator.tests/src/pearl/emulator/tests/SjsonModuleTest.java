package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code sjson} as a program on the board uses it: whole values and streams, nulls, and the errors. */
class SjsonModuleTest {

    @Test
    void nestedTablesEncodeAsArraysAndObjects() {
        assertEquals(List.of(
                "{\"a\":[1,2.5,{\"b\":true}]}",
                "[\"x\",false]",
                "{}",
                "\"a\\\"b\\\\c\\n\\u0001\"",
                "{\"f\":5}",
                "[null,3]",
                "{\"k\":null}",
                "true\t{"),
                LuaScripts.run(
                        "print(sjson.encode({a = {1, 2.5, {b = true}}}))",
                        "print(sjson.encode({'x', false}))",
                        "print(sjson.encode({}))",
                        "print(sjson.encode('a\"b\\\\c\\n\\1'))",
                        "print(sjson.encode({f = function() return 5 end}))",
                        "print(sjson.encode({tmr.create(), 3}))",
                        "print(sjson.encode({k = 'NULL'}, {null = 'NULL'}))",
                        "local s = sjson.encode({[1] = 'one', [3] = 'three'}) print(s:find('\"1\":\"one\"', 1, true) ~= nil, s:sub(1, 1))"));
    }

    @Test
    void decodingBuildsTablesAndKeepsUnicodeEscapesAsUtf8() {
        assertEquals(List.of(
                "1\t2.5\tx\t3",
                "true\tuserdata\ttrue",
                "nil",
                "N",
                "c3a9f09f9880",
                "1000\t-0.5",
                "table\t0"),
                LuaScripts.run(
                        "local t = sjson.decode('{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null}}')",
                        "print(t.a[1], t.a[2], t.a[3], #t.a)",
                        "local n = sjson.decode('[null]')[1]",
                        "print(t.b.c == n, type(n), sjson.decode('null') == n)",
                        "print(sjson.decode('{\"c\":null}', {}).c)",
                        "print(sjson.decode('{\"c\":null}', {null = 'N'}).c)",
                        "print(encoder.toHex(sjson.decode('\"\\\\u00e9\\\\ud83d\\\\ude00\"')))",
                        "print(sjson.decode(' 1e3 '), sjson.decode('-0.5'))",
                        "local e = sjson.decode('[]') print(type(e), #e)"));
    }

    @Test
    void theDecodedTablesGetTheOptionsMetatable() {
        assertEquals(List.of("true\ttrue"),
                LuaScripts.run(
                        "local mt = {}",
                        "local t = sjson.decode('{\"a\":{\"b\":1}}', {metatable = mt})",
                        "print(getmetatable(t) == mt, getmetatable(t.a) == mt)"));
    }

    @Test
    void badJsonAndUnencodableValuesRaiseTheFirmwaresErrors() {
        List<String> out = LuaScripts.run(
                "print(pcall(sjson.decode, '{\"a\":}'))",
                "print(pcall(sjson.decode, '{\"a\":1'))",
                "print(pcall(sjson.encode, coroutine.create(function() end)))",
                "local deep = {} for i = 1, 30 do deep = {deep} end",
                "print(pcall(sjson.encode, deep))",
                "print(pcall(sjson.encode, deep, {depth = 40}))",
                "print(select(2, pcall(function() return sjson.encode() end)))",
                "print(select(2, pcall(function() return sjson.decode({}) end)))",
                "print(pcall(sjson.encode, {[true] = 1}))");
        assertTrue(out.get(0).startsWith("false\tJSON parse error: "), out.get(0));
        assertEquals("false\tIncomplete JSON object passed to sjson.decode", out.get(1));
        assertEquals("false\tCannot encode type 8", out.get(2));
        assertEquals("false\tencoder stack overflow", out.get(3));
        assertTrue(out.get(4).startsWith("true\t[[[[["), out.get(4));
        assertEquals("init.lua:8: bad argument #1 to 'encode' (value expected)", out.get(5));
        assertEquals("init.lua:9: bad argument #1 to 'decode' (string expected, got table)", out.get(6));
        assertEquals("false\tCannot encode type 1", out.get(7));
    }

    @Test
    void decodingMoreThanTheHeapHoldsRunsOutOfMemory() {
        assertEquals(List.of("false\tnot enough memory", "true\t200"),
                LuaScripts.run(
                        "local big = '[' .. ('[],'):rep(2000) .. '1]'",
                        "print(pcall(sjson.decode, big))",
                        "local small = '[' .. ('[],'):rep(199) .. '1]'",
                        "local ok, t = pcall(sjson.decode, small) print(ok, #t)"));
    }

    @Test
    void theStreamingDecoderTakesPiecesAndRefusesAfterAnError() {
        assertEquals(List.of(
                "nil",
                "false\tdecode not complete",
                "2\t2",
                "nil",
                "42",
                "false",
                "false\tJSON parse error: previous call"),
                LuaScripts.run(
                        "local d = sjson.decoder()",
                        "print(d:write('{\"a\":'))",
                        "print(pcall(d.result, d))",
                        "local t = d:write('[1,2]}') print(t.a[2], d:result().a[2])",
                        "local n = sjson.decoder() print(n:write('4'))",
                        "n:write('2') print(n:result())",
                        "local bad = sjson.decoder() print((pcall(bad.write, bad, '[1,}')))",
                        "print(pcall(bad.write, bad, '[1]'))"));
    }

    @Test
    void theStreamingEncoderHandsOutPiecesThenNil() {
        assertEquals(List.of("[1,\t2,3\t]\tnil", "10\tnil"),
                LuaScripts.run(
                        "local e = sjson.encoder({1, 2, 3})",
                        "print(e:read(3), e:read(3), e:read(3), e:read(3))",
                        "local all = sjson.encoder({a = 'xy'})",
                        "print(#all:read(), all:read())"));
    }
}
