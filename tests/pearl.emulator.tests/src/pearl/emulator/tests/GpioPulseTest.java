package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pearl.emulator.hardware.GpioPins;

/** {@code gpio.pulse}: pulse trains on output pins, to the microsecond of virtual time. */
class GpioPulseTest {

    /** The square wave of NodeMCU's documentation: pins 1 and 2 out of phase, 20 periods of 0.5 s. */
    private static final String SQUARE_WAVE = """
            gpio.mode(1, gpio.OUTPUT)
            gpio.mode(2, gpio.OUTPUT)
            pulser = gpio.pulse.build({
              {[1] = gpio.HIGH, [2] = gpio.LOW, delay = 250000},
              {[1] = gpio.LOW, [2] = gpio.HIGH, delay = 250000, loop = 1, count = 20, min = 240000, max = 260000},
            })
            pulser:start(function(pos, steps, offset, now) print('done', pos, steps, offset, now, gpio.read(1), gpio.read(2)) end)
            print('state', pulser:getstate())
            """;

    @Test
    void pinsChangeAtTheMicrosecondsTheStepsSay() {
        TestBoards b = new TestBoards(SQUARE_WAVE);
        long[] state = numbers(b.printed(10), "state", 4);
        assertEquals(1, state[0], "step 1 runs");
        assertEquals(1, state[1], "one step entered");
        assertTrue(state[2] > 249_900 && state[2] <= 250_000, "the first transition is 250 ms after the start: " + state[2]);
        long firstEdge = state[3] + state[2];
        GpioPins pins = b.board.hardware().pins();
        runToUptime(b, firstEdge - 1);
        assertEquals(List.of(1, 0), List.of(pins.level(1), pins.level(2)), "step 1 until its delay is over");
        runToUptime(b, firstEdge);
        assertEquals(List.of(0, 1), List.of(pins.level(1), pins.level(2)), "step 2 at the microsecond");
        runToUptime(b, firstEdge + 250_000 - 1);
        assertEquals(0, pins.level(1));
        runToUptime(b, firstEdge + 250_000);
        assertEquals(1, pins.level(1), "loop = 1 goes back to step 1");
    }

    @Test
    void theCallbackRunsAsATaskWhenTheLoopCountIsDone() {
        TestBoards b = new TestBoards(SQUARE_WAVE);
        long[] state = numbers(b.printed(10), "state", 4);
        String out = b.printed(9_000);
        assertTrue(!out.contains("done"), "20 periods of 0.5 s take 10 s: " + out);
        out = b.printed(2_000);
        Matcher done = Pattern.compile("done\tnil\t(\\d+)\t(-?\\d+)\t(\\d+)\t0\t1\n").matcher(out);
        assertTrue(done.find(), "ends on step 2: pin 1 low, pin 2 high: " + out);
        assertEquals(40, Long.parseLong(done.group(1)), "20 times each step");
        long end = state[3] + state[2] + 39 * 250_000L;
        assertEquals(end, Long.parseLong(done.group(3)), "the callback tells the end's time");
        assertEquals(0, Long.parseLong(done.group(2)));
    }

    @Test
    void adjustLengthensAdjustableStepsWithinTheirRangeAndCarriesTheRest() {
        TestBoards b = new TestBoards("""
                gpio.mode(5, gpio.OUTPUT)
                local p = gpio.pulse.build({
                  {[5] = 1, delay = 100000, min = 90000, max = 103000},
                  {[5] = 0, delay = 100000, loop = 1, count = 3},
                })
                p:start(5000, function(pos, steps, offset, now) print('done', steps, now) end)
                print('state', p:getstate())
                """);
        long[] state = numbers(b.printed(10), "state", 4);
        assertTrue(state[2] > 102_900 && state[2] <= 103_000, "5 ms asked, 3 ms fit: " + state[2]);
        long[] done = numbers(b.printed(1000), "done", 2);
        // 103 + 100, then the 2 ms carried over: 102 + 100, then 100 + 100
        assertEquals(6, done[0]);
        assertEquals(state[3] + state[2] + 100_000 + 102_000 + 100_000 + 100_000 + 100_000, done[1], "the first step took 103 ms");
    }

    @Test
    void stopAtAPositionCancelAndUpdate() {
        String out = String.join("\n", LuaScripts.run(3000, """
                gpio.mode(6, gpio.OUTPUT)
                local p = gpio.pulse.build({
                  {[6] = 1, delay = 10000},
                  {[6] = 0, delay = 10000},
                  {delay = 10000, loop = 1, count = 1000},
                })
                print('idle stop', p:stop(function() end))
                p:start(function() print('never: the stop replaces it') end)
                print('busy', pcall(p.start, p))
                local q = gpio.pulse.build({{[7] = 1, delay = 5}})
                print('another', pcall(q.start, q))
                tmr.create():alarm(95, tmr.ALARM_SINGLE, function()
                  print('stop', p:stop(2, function(pos, steps) print('stopped', pos, steps, gpio.read(6)) end))
                end)
                tmr.create():alarm(200, tmr.ALARM_SINGLE, function()
                  p:update(2, {[6] = 0, delay = 20000})
                  p:start()
                  tmr.create():alarm(25, tmr.ALARM_SINGLE, function()
                    local pos, steps = p:cancel()
                    print('cancelled at', pos, steps, gpio.read(6), p:getstate())
                  end)
                end)
                """));
        assertTrue(out.contains("idle stop\tfalse"), out);
        assertTrue(out.contains("busy\tfalse\tpulser already active"), out);
        assertTrue(out.contains("another\tfalse\tpulser already active"), "one hardware timer: " + out);
        assertTrue(out.contains("stop\ttrue"), out);
        // 95 ms: in step 1 of the fourth round; stopping on entry to step 2 leaves pin 6 high after step 1
        assertTrue(out.contains("stopped\tnil\t10\t1"), out);
        assertTrue(!out.contains("never"), out);
        // the updated step 2 lasts 20 ms: 25 ms after the start the program is still in it, pin 6 low
        assertTrue(out.matches("(?s).*cancelled at\t2\t2\t0\tnil\t2\t-?\\d+\t\\d+.*"), out);
    }

    @Test
    void badProgramsAndArguments() {
        List<String> out = LuaScripts.run("""
                print(pcall(function() gpio.pulse.build({}) end))
                print(pcall(function() gpio.pulse.build({5}) end))
                print(pcall(function() gpio.pulse.build({{[13] = 1, delay = 10}}) end))
                print(pcall(function() gpio.pulse.build({{[1] = 2, delay = 10}}) end))
                print(pcall(function() gpio.pulse.build({{[1] = 1, delay = 64000001}}) end))
                print(pcall(function() gpio.pulse.build({{[1] = 1, delay = 10, loop = 2, count = 3}}) end))
                print(pcall(function() gpio.pulse.build({{[1] = 1, delay = 10, min = 20}}) end))
                local p = gpio.pulse.build({{[1] = 1, delay = 10}})
                print(pcall(function() p:update(2, {delay = 5}) end))
                print(pcall(function() p:start(5, 6) end))
                print(pcall(function() p.getstate(5) end))
                """);
        assertEquals(List.of("false\tinit.lua:2: bad argument #1 to 'build' (no steps)",
                "false\tinit.lua:3: bad argument #1 to 'build' (step 1 is not a table)",
                "false\tinit.lua:4: gpio 13 does not exist",
                "false\tinit.lua:5: bad argument #1 to 'build' (wrong level type)",
                "false\tinit.lua:6: bad argument #1 to 'build' (delay out of range)",
                "false\tinit.lua:7: bad argument #1 to 'build' (loop out of range)",
                "false\tinit.lua:8: bad argument #1 to 'build' (min > delay or delay > max)",
                "false\tinit.lua:10: bad argument #1 to 'update' (entry number out of range)",
                "false\tinit.lua:11: bad argument #2 to 'start' (function expected, got number)",
                "false\tinit.lua:12: bad argument #1 to 'getstate' (gpio.pulse expected, got number)"), out);
    }

    /** Runs the board until its uptime is {@code micros}. */
    private static void runToUptime(TestBoards b, long micros) {
        long delta = micros - b.board.uptimeMicros();
        assertTrue(delta >= 0, "already past " + micros);
        b.board.runFor(delta);
    }

    /** The {@code count} numbers printed after {@code label} (nil as 0). */
    private static long[] numbers(String out, String label, int count) {
        Matcher m = Pattern.compile(label + "((?:\t(?:-?\\d+|nil)){" + count + "})\n").matcher(out);
        assertTrue(m.find(), label + " missing: " + out);
        String[] parts = m.group(1).substring(1).split("\t");
        long[] n = new long[count];
        for (int i = 0; i < count; i++) {
            n[i] = parts[i].equals("nil") ? 0 : Long.parseLong(parts[i]);
        }
        return n;
    }
}
