package pearl.emulator.testing;

import java.util.ArrayList;
import java.util.List;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import pearl.emulator.Board;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.LuaMemoryError;

/**
 * What the test board's NTest runs report, gathered into test cases: the Java function the
 * bootstrap hands every run as an extra report handler ({@code sink(run, event, test, msg, err)}).
 * It knows when the suite is done: its file was loaded and every run it made has finished.
 */
final class SuiteEvents extends VarArgFunction {

    private final Board board;
    private final List<TestCase> tests = new ArrayList<>();
    private int runsMade;
    private int runsFinished;
    private boolean loaded;
    private String loadError;
    private String outOfHeap;
    private String runningTest;
    private String lastTest;
    private long testStart;

    SuiteEvents(Board board) {
        this.board = board;
    }

    @Override
    public Varargs invoke(Varargs args) {
        String event = args.arg(2).tojstring();
        String test = text(args.arg(3));
        board.syncClock();
        long now = board.clockMicros();
        switch (event) {
            case "new" -> runsMade++;
            case "finish" -> runsFinished++;
            case "begin" -> {
                runningTest = test;
                testStart = now;
            }
            case "pass" -> tests.add(new TestCase(test, TestCase.Outcome.PASSED, null, now - testStart));
            case "fail" -> tests.add(new TestCase(test, TestCase.Outcome.FAILED, reason(args), now - testStart));
            case "except" -> except(test, reason(args), now - testStart);
            case "end" -> {
                runningTest = null;
                lastTest = test;
            }
            case "load" -> loadError = text(args.arg(4));
            case "loaded" -> loaded = true;
            default -> {
                // 'start' and events of other handlers' making carry nothing Pearl needs
            }
        }
        if (done()) {
            board.interrupt();
        }
        return LuaValue.NONE;
    }

    /**
     * An unexpected error ended {@code test}. Running out of heap also ends the suite: what runs
     * after it on that board would tell nothing about the code under test.
     */
    private void except(String test, String reason, long micros) {
        if (reason != null && (reason.contains(LuaMemoryError.MESSAGE) || reason.equals("out of memory"))) {
            outOfHeap = "ran out of heap in test '" + test + "': " + reason;
            tests.add(new TestCase(test, TestCase.Outcome.ERROR, outOfHeap, micros));
            return;
        }
        tests.add(new TestCase(test, TestCase.Outcome.ERROR, reason, micros));
    }

    /** Why the suite ran out of heap, or null. */
    String outOfHeap() {
        return outOfHeap;
    }

    /** {@code msg}, and {@code err} after it: an assertion's message and why it failed. */
    private static String reason(Varargs args) {
        String msg = text(args.arg(4));
        String err = text(args.arg(5));
        if (msg == null) {
            return err;
        }
        return err == null ? msg : msg + ": " + err;
    }

    private static String text(LuaValue v) {
        return v.isnil() ? null : v.isstring() ? LuaBytes.chars(v) : v.tojstring();
    }

    /** Whether the suite is over: it failed to load, ran out of heap, or it loaded and all its runs finished. */
    boolean done() {
        return loadError != null || outOfHeap != null || loaded && runsFinished >= runsMade;
    }

    /** Why the suite could not be loaded, or null. */
    String loadError() {
        return loadError;
    }

    /** Whether the suite file made no NTest run at all. */
    boolean madeNoRun() {
        return runsMade == 0;
    }

    /** The test that began and has not ended, or null. */
    String runningTest() {
        return runningTest;
    }

    /** The test that ended last, or null. */
    String lastTest() {
        return lastTest;
    }

    /** When the running test began. */
    long runningSince() {
        return testStart;
    }

    /** The tests reported so far. */
    List<TestCase> tests() {
        return tests;
    }
}
