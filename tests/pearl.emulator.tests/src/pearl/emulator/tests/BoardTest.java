package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.emulator.BoardOptions;

/** The emulated board boots, runs callbacks, reports errors and reboots as the firmware does. */
class BoardTest {

    @Test
    void bootPrintsTheBannerThenRunsInitLuaThenPrompts() {
        TestBoards b = new TestBoards(BoardOptions.defaults(), "print('app started')");
        String out = b.run(100);
        assertTrue(out.startsWith("\nNodeMCU 3.0.0.0 "), out);
        assertTrue(out.contains("powered by Lua 5.1.4 on SDK"), out);
        // every module of the build, by name, sorted
        String modules = String.join(",", pearl.emulator.modules.StandardModules.all().stream()
                .map(pearl.emulator.modules.FirmwareModule::name).sorted().toList());
        assertTrue(out.contains("\tmodules: " + modules + "\n") && modules.contains(",file,"), out);
        assertTrue(out.endsWith(" powered by Lua 5.1.4 on SDK 3.0.1-dev(fce080e)\napp started\n> "), out);
        assertTrue(b.uart.toString().contains("app started\r\n> "), "line ends on the wire are CR LF");
    }

    @Test
    void aMissingInitLuaIsReportedAndTheBoardWaitsAtThePrompt() {
        TestBoards b = new TestBoards(null);
        assertEquals("cannot open init.lua: \n> ", b.run(1000));
        assertEquals(List.of(), b.reboots);
    }

    @Test
    void anErrorInInitLuaIsPrintedWithoutRestarting() {
        TestBoards b = new TestBoards("local cfg = nil\nprint(cfg.ssid)");
        String out = b.run(5000);
        assertTrue(out.startsWith("lua: init.lua:2: attempt to index local 'cfg' (a nil value)\nstack traceback:\n"), out);
        assertEquals(List.of(), b.reboots);
    }

    @Test
    void aCallbackErrorPrintsItsTracebackAndRestartsTwoSecondsLater() {
        TestBoards b = new TestBoards("""
                local function handler(t)
                  error("sensor failed")
                end
                tmr.create():alarm(1000, tmr.ALARM_SINGLE, handler)
                """);
        String out = b.run(2900);
        assertTrue(out.contains("> init.lua:2: sensor failed\nstack traceback:\n\t[C]: in function 'error'\n\tinit.lua:2: in function <init.lua:1>\n"), out);
        assertEquals(List.of(), b.reboots, "not yet: the restart comes 2 s after the error");
        b.run(200);
        assertEquals(List.of("panic: init.lua:2: sensor failed"), b.reboots);
    }

    @Test
    void aReplErrorPrintsLuaErrorWithTheFirmwaresTraceback() {
        TestBoards b = new TestBoards(null);
        b.run(100);
        b.board.uart().receive("t = {}\r\nt.open('x')\r\n");
        String out = b.run(100);
        // the reference's own example of a REPL error: message, traceback, two C levels, prompt
        assertTrue(out.contains("Lua error: \tstdin:1: attempt to call field 'open' (a nil value)\nstack traceback:\n"
                + "\tstdin:1: in main chunk\n\t[C]: ?\n\t[C]: ?\n> "), out);
    }

    @Test
    void aBoardFailingAgainAndAgainIsARebootLoop() {
        TestBoards b = new TestBoards("tmr.create():alarm(10, tmr.ALARM_SINGLE, function() undefined_call() end)");
        b.run(60_000);
        assertTrue(b.board.rebootLoopCause().startsWith("panic: init.lua:1: attempt to call global 'undefined_call'"),
                b.board.rebootLoopCause());
        assertEquals(3, b.reboots.size());
    }

    @Test
    void safeBootSkipsInitLua() {
        TestBoards b = new TestBoards(BoardOptions.defaults().withBanner(false).withSafeBoot(true), "print('app')");
        assertEquals("> ", b.run(1000));
    }

    @Test
    void nodeRestartHappensAfterTheRunningTaskAsTheFaqShows() {
        TestBoards b = new TestBoards("""
                if node.bootreason() == 1 or select(2, node.bootreason()) == 0 then
                  node.restart()
                  for i = 1, 20 do print("not quite yet -- " .. i) end
                else
                  print("rebooted")
                end
                """);
        String out = b.run(1000);
        for (int i = 1; i <= 20; i++) {
            assertTrue(out.contains("not quite yet -- " + i + "\n"), out);
        }
        assertTrue(out.indexOf("not quite yet -- 20") < out.indexOf("rst cause:2"), out);
        assertTrue(out.endsWith("rebooted\n> "), out);
        assertEquals(List.of("node.restart()"), b.reboots);
        assertNull(b.board.rebootLoopCause());
    }

    @Test
    void aBusyLoopTripsTheWatchdogAndTheBoardReboots() {
        TestBoards b = new TestBoards("""
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                  print("spinning")
                  local x = 0
                  while true do x = x + 1 end
                end)
                """);
        String out = b.run(1000);
        assertTrue(out.contains("spinning\n\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\n\nwdt reset\n"), out);
        assertEquals("watchdog reset", b.reboots.get(0));
        assertTrue(b.board.clockMicros() > 600_000, "the spinning task used the watchdog's 500 ms");
    }

    @Test
    void theWatchdogCanBeLiftedForLongComputations() {
        TestBoards b = new TestBoards(BoardOptions.defaults().withBanner(false).withWatchdog(false), """
                local x = 0
                for i = 1, 300000 do x = x + i end
                print(x)
                """);
        assertEquals("45000150000\n> ", b.run(100_000));
        assertEquals(List.of(), b.reboots);
    }

    @Test
    void tasksRunByPriorityAndAFullQueueOverflows() {
        TestBoards b = new TestBoards("""
                for p = 0, 2 do node.task.post(p, function(prio) print("task", prio) end) end
                local ok, err = pcall(function()
                  for i = 1, 8 do node.task.post(node.task.LOW_PRIORITY, function() end) end
                end)
                print(ok, err)
                """);
        String out = b.run(1000);
        assertTrue(out.startsWith("false\tinit.lua:3: Task queue overflow. Task not posted\n> "), out);
        assertTrue(out.contains("task\t2\ntask\t1\ntask\t0\n"), out);
    }

    @Test
    void timersFollowTheObjectApi() {
        TestBoards b = new TestBoards("""
                local t = tmr.create()
                print(t:state())
                t:register(500, tmr.ALARM_SEMI, function(timer)
                  print("semi fired at", tmr.now() // 1 >= 500000, timer:state())
                end)
                print(t:state())
                print(t:start(), t:start(), t:state())
                local single = tmr.create()
                single:alarm(200, tmr.ALARM_SINGLE, function(s) print("single", s:state()) end)
                print(pcall(t.register, t, 0, tmr.ALARM_AUTO, print))
                print(pcall(function() t:register(10, 7, print) end))
                print(pcall(function() t:alarm(10, tmr.ALARM_AUTO, "f") end))
                print(pcall(function() tmr.alarm(0, 100, 0, print) end))
                """.replace("tmr.now() // 1", "tmr.now()"));
        String out = b.run(1000);
        assertEquals("""
                nil
                false\t2
                true\tfalse\ttrue\t2
                false\tbad argument #2 to '?' (Range: 1-0x68D7A3)
                false\tinit.lua:11: bad argument #2 to 'register' (Invalid mode)
                false\tinit.lua:12: bad argument #3 to 'alarm' (Must be function)
                false\tinit.lua:13: attempt to call field 'alarm' (a nil value)
                > single\tnil
                semi fired at\ttrue\tfalse\t2
                """, out);
    }

    @Test
    void tmrNowCountsMicrosecondsSinceBootIn31Bits() {
        TestBoards b = new TestBoards("""
                tmr.create():alarm(1000, tmr.ALARM_AUTO, function(t)
                  local now = tmr.now()
                  if tmr.time() >= 2148 then print(tmr.time(), now < 1000000) t:unregister() end
                end)
                """);
        String out = b.run(2_150_000);
        assertTrue(out.contains("2148\ttrue\n"), out);
    }

    @Test
    void listenersHearTasksFilesTheRegistryAndReboots() {
        TestBoards b = new TestBoards("""
                local t = tmr.create()
                t:alarm(200, tmr.ALARM_AUTO, function(timer)
                  file.putcontents("state.txt", tostring(tmr.time()))
                  timer:unregister()
                  node.restart()
                end)
                """);
        List<String> events = new java.util.ArrayList<>();
        List<Integer> registry = new java.util.ArrayList<>();
        b.board.addListener(new pearl.emulator.BoardListener() {
            @Override
            public void taskStarted(pearl.emulator.Priority priority, String source, long micros) {
                events.add("start " + priority + " " + source);
            }

            @Override
            public void fileChanged(String name) {
                // opened for writing, then written: one line here
                if (!events.get(events.size() - 1).equals("file " + name)) {
                    events.add("file " + name);
                }
            }

            @Override
            public void registrySize(int entries) {
                registry.add(entries);
            }

            @Override
            public void rebooting(String reason) {
                events.add("reboot " + reason);
            }
        });
        b.run(300);
        assertEquals(List.of("start HIGH boot", "start MEDIUM tmr callback", "file state.txt", "start HIGH node.restart",
                "reboot node.restart()", "start HIGH boot"), events.subList(0, 6));
        assertTrue(registry.get(0) >= 1, "the running timer's callback is in the registry: " + registry);
    }

    @Test
    void librariesAndModulesAreReadOnlyRomTablesBehindGlobals() {
        TestBoards b = new TestBoards("""
                local raw = {}
                for k in pairs(_G) do raw[#raw + 1] = k end
                table.sort(raw)
                print(table.concat(raw, ","))
                print(rawget(_G, "tmr"), type(tmr), rawget(_G, "print"), require("tmr") == tmr, ROM.tmr == tmr)
                print(pcall(function() tmr.foo = 1 end))
                print(pcall(function() string.trim = function() end end))
                print(setmetatable(node, {}) == node, getmetatable(node))
                print(io, os, math.sin, type(math.floor), type(debug.traceback), debug.getinfo)
                leaked = 1
                print(rawget(_G, "leaked"))
                """);
        assertEquals("""
                _G,_VERSION,__index,ipairs,module,newproxy,package,pairs,require
                nil	table	nil	true	true
                false	init.lua:6: table is readonly
                false	init.lua:7: table is readonly
                true	nil
                nil	nil	nil	function	function	nil
                1
                >\s""", b.run(100));
    }

    @Test
    void nodeCompileWritesAnLcFileThatRequirePrefers() {
        TestBoards b = new TestBoards("""
                file.putcontents("greeter.lua", "return { hello = function() return 'compiled hello' end }")
                node.compile("greeter.lua")
                file.remove("greeter.lua")
                print(file.exists("greeter.lc"), require("greeter").hello())
                print(pcall(node.compile, "notes.txt"))
                """);
        assertEquals("true\tcompiled hello\nfalse\tnot a .lua file\n>\s", b.run(100));
    }

    @Test
    void nodeStartupChangesTheNextBoots() {
        TestBoards b = new TestBoards(BoardOptions.defaults(), """
                if select(2, node.bootreason()) == 0 then
                  local o = node.startup({banner = false, command = "@app.lua"})
                  print(o.banner, o.frequency, o.command)
                  file.putcontents("app.lua", "print('app instead of init', node.getcpufreq())")
                  node.restart()
                end
                """);
        String out = b.run(1000);
        assertTrue(out.contains("false\t80\t@app.lua\n"), out);
        String afterRestart = out.substring(out.indexOf("rst cause:2"));
        assertTrue(afterRestart.endsWith("\n\napp instead of init\t80\n> "), afterRestart);
        assertFalse(afterRestart.contains("NodeMCU"), "no banner after the restart: " + afterRestart);
    }

    @Test
    void aTimerFiringIntoAFullQueueIsLostAndListenersHearIt() {
        TestBoards b = new TestBoards("""
                tmr.create():alarm(50, tmr.ALARM_SINGLE, function() print("timer ran") end)
                tmr.create():alarm(40, tmr.ALARM_SINGLE, function()
                  for i = 1, 8 do node.task.post(node.task.MEDIUM_PRIORITY, function() end) end
                  tmr.delay(20000)
                end)
                """);
        List<String> dropped = new java.util.ArrayList<>();
        b.board.addListener(new pearl.emulator.BoardListener() {
            @Override
            public void taskDropped(pearl.emulator.Priority priority, String source, long micros) {
                dropped.add(priority + " " + source);
            }
        });
        String out = b.run(1000);
        assertEquals(List.of("MEDIUM tmr callback"), dropped);
        assertFalse(out.contains("timer ran"), out);
    }

    @Test
    void stripdebugDropsNamesAndLinesFromErrors() {
        TestBoards b = new TestBoards("""
                local function fails() local config; return config.ssid end
                print(node.stripdebug(), pcall(fails))
                node.stripdebug(2, fails)
                print(pcall(fails))
                node.stripdebug(3, fails)
                print(pcall(fails))
                print(select(2, pcall(node.stripdebug, 4)), select(2, pcall(node.stripdebug, 2, print)))
                node.stripdebug(3)
                print(select(2, pcall(loadstring("local t; return t.x"))), node.stripdebug())
                """);
        assertEquals("""
                1\tfalse\tinit.lua:1: attempt to index local 'config' (a nil value)
                false\tinit.lua:1: attempt to index a nil value
                false\tattempt to index a nil value
                bad argument #1 to '?' (Invalid strip level)\tbad argument #2 to '?' (not a valid function)
                attempt to index a nil value\t3
                >\s""", b.run(100));
    }
}
