package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code pipe}: reading by size and delimiter, unread, records of 256 bytes, the reader task and the errors. */
class PipeModuleTest {

    /** Lua that prints a read result with its newlines visible. */
    private static final String SHOW = "local function show(...) local t = {...} for i = 1, select('#', ...) do t[i] = t[i] and t[i]:gsub('\\n', '|') or 'nil' end print(unpack(t, 1, select('#', ...))) end";

    @Test
    void readsTakeLinesDelimitedRecordsAndSizes() {
        assertEquals(List.of(
                "ab|\tcd",
                "|ef",
                "12\t34\t5\tnil",
                "xyz;\tw",
                "a|\tb|\tc"),
                LuaScripts.run(SHOW,
                        "local p = pipe.create()",
                        "p:write('ab\\ncd\\n', 'ef')",
                        "show(p:read(), p:read('\\n'))",
                        "show(p:read('\\n'))",
                        "p:write('12345') show(p:read(2), p:read(2), p:read(2), p:read(2))",
                        "p:write('z;w') p:unread('xy') show(p:read(';+'), p:read())",
                        "p:write('a\\nb\\nc') local got = {} for l in p:reader() do got[#got + 1] = l end show(unpack(got))"));
    }

    @Test
    void contentsAreHeldInRecordsOf256Bytes() {
        assertEquals(List.of("0\t3\t600\t1\t0"),
                LuaScripts.run(
                        "local p = pipe.create()",
                        "local empty = p:nrec()",
                        "p:write(('x'):rep(600))",
                        "local n = p:nrec()",
                        "local all = p:read(1000)",
                        "p:write('a') print(empty, n, #all, p:nrec(), (function() p:read() return p:nrec() end)())"));
    }

    @Test
    void theReaderRunsAsATaskAfterWritesUntilThePipeIsEmptyOrItSaysNo() {
        assertEquals(List.of(
                "written",
                "got\ta|",
                "got\tb|",
                "once\tc|",
                "once\te|"),
                LuaScripts.run(
                        "local p = pipe.create(function(p) local l = p:read() if l then print('got', (l:gsub('\\n', '|'))) end end)",
                        "p:write('a\\nb\\n')",
                        "local q = pipe.create(function(q) print('once', (q:read():gsub('\\n', '|'))) return false end, 0)",
                        "q:write('c\\nd\\n')",
                        "tmr.create():alarm(100, tmr.ALARM_SINGLE, function() q:read() q:write('e\\n') end)",
                        "print('written')"));
    }

    @Test
    void badArgumentsGiveThePipeErrors() {
        assertEquals(List.of(
                "init.lua:2: bad argument #2 to 'create' (invalid priority)",
                "init.lua:4: bad argument #1 to 'read' (invalid chunk size)",
                "init.lua:5: bad argument #1 to 'read' (invalid delimiter)",
                "init.lua:6: bad argument #1 to 'write' (must be a string)",
                "init.lua:7: bad argument #1 to 'write' (pipe table)"),
                LuaScripts.run(
                        "print(select(2, pcall(function() return pipe.create(nil, 3) end)))",
                        "local p = pipe.create()",
                        "print(select(2, pcall(function() return p:read(0) end)))",
                        "print(select(2, pcall(function() return p:read('ab') end)))",
                        "print(select(2, pcall(function() return p:write({}) end)))",
                        "print(select(2, pcall(function() return p.write({}, 'x') end)))"));
    }
}
