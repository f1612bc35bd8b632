package pearl.emulator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.Priority;
import pearl.emulator.ProjectBoard;
import pearl.emulator.StartupOptions;
import pearl.emulator.lua.LuaMachine;
import pearl.emulator.lua.LuaMemoryError;

/**
 * Runs NTest suite files, each on a fresh board booted with the project's files, in virtual time.
 * The board does not run {@code init.lua}: its startup command loads the suite through a small
 * bootstrap. {@code require("NTest")} finds the project's own {@code NTest.lua} when it ships one,
 * else Pearl's (kept in flash, as NodeMCU keeps NTest in LFS). A suite fails as a whole when it
 * hangs (no finish within the time allowed), reboots, or runs out of heap.
 */
public final class SuiteRunner {

    /** Virtual time a suite may take unless told otherwise. */
    public static final long DEFAULT_FOR_MICROS = 60_000_000;
    private static final long SLICE_MICROS = 1_000_000;

    private static final String NTEST = resource("NTest.lua");
    private static final String BOOTSTRAP = resource("Bootstrap.lua");

    private final ProjectBoard setup;
    private final long forMicros;
    private final Consumer<String> warnings;

    /**
     * A runner for the project {@code setup} describes (its {@code safeBoot} is ignored: the test
     * board never runs {@code init.lua}).
     *
     * @param forMicros virtual time each suite may take before it counts as hung
     * @param warnings  told of project files the board will fail to load
     */
    public SuiteRunner(ProjectBoard setup, long forMicros, Consumer<String> warnings) {
        this.setup = setup;
        this.forMicros = forMicros;
        this.warnings = warnings;
    }

    /** Runs each of {@code files} (paths in the project, {@code /} separated) on a board of its own. */
    public TestReport run(List<String> files) throws IOException {
        List<SuiteResult> suites = new ArrayList<>();
        for (String file : files) {
            suites.add(run(file));
        }
        return new TestReport(suites);
    }

    /**
     * Runs the suite {@code file} on a fresh board.
     *
     * @throws IOException when the project cannot be put on a board (no such folder, a file too big)
     */
    public SuiteResult run(String file) throws IOException {
        Board board = setup.build(warnings);
        upload(board, file);
        board.setStartup(new StartupOptions(false, board.startup().frequency(), false, BOOTSTRAP));
        SuiteEvents events = new SuiteEvents(board);
        StringBuilder output = new StringBuilder();
        String[] reboot = new String[1];
        board.addListener(new BoardListener() {
            @Override
            public void taskStarted(Priority priority, String source, long micros) {
                if (source.equals("boot") && reboot[0] == null) {
                    prepare(board, file, events);
                }
            }

            @Override
            public void uartOutput(String bytes) {
                output.append(bytes);
            }

            @Override
            public void rebooting(String reason) {
                if (reboot[0] == null) {
                    reboot[0] = reason;
                }
                board.interrupt();
            }
        });
        long start = board.clockMicros();
        while (!events.done() && reboot[0] == null && board.clockMicros() - start < forMicros && !board.isInterrupted()) {
            board.runFor(Math.min(SLICE_MICROS, forMicros - (board.clockMicros() - start)));
        }
        board.closeHostIo();
        long took = board.clockMicros() - start;
        List<TestCase> tests = new ArrayList<>(events.tests());
        String abort = abortReason(events, reboot[0]);
        if (abort != null && events.outOfHeap() == null) {
            String running = events.runningTest();
            String name = running != null ? running : "(suite " + file + ")";
            long since = running != null ? board.clockMicros() - events.runningSince() : took;
            tests.add(new TestCase(name, TestCase.Outcome.ERROR, abort, since));
        }
        return new SuiteResult(file, List.copyOf(tests), abort, took,
                output.toString().replace("\r\n", "\n"));
    }

    /** Puts the suite on the board's SPIFFS under its path: {@code test/} is not among the files uploaded. */
    private void upload(Board board, String file) throws IOException {
        if (board.spiffs().getContents(file) != null) {
            return;
        }
        java.nio.file.Path path = setup.project().resolve(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new IOException("no such suite: " + path);
        }
        if (!board.spiffs().putContents(file, java.nio.file.Files.readAllBytes(path))) {
            throw new IOException(path + ": the suite does not fit in the board's SPIFFS (or its name is too long)");
        }
    }

    private String abortReason(SuiteEvents events, String reboot) {
        if (events.loadError() != null) {
            return "the suite did not load: " + events.loadError();
        }
        if (events.outOfHeap() != null) {
            return events.outOfHeap();
        }
        if (reboot != null) {
            String when = events.runningTest() != null ? " (in test '" + events.runningTest() + "')"
                    : events.lastTest() != null ? " (after test '" + events.lastTest() + "')" : "";
            if (reboot.contains(LuaMemoryError.MESSAGE) || reboot.contains("out of memory")) {
                return "ran out of heap: the board rebooted (" + reboot + ")" + when;
            }
            return "the board rebooted: " + reboot + when;
        }
        if (!events.done()) {
            String running = events.runningTest();
            return String.format(Locale.ROOT, "hung: no finish within %s s of virtual time%s", seconds(forMicros),
                    running == null ? "" : " (test '" + running + "' was still running)");
        }
        if (events.madeNoRun() || events.tests().isEmpty()) {
            return "no tests: the file declared none";
        }
        return null;
    }

    private static String seconds(long micros) {
        return micros % 1_000_000 == 0 ? Long.toString(micros / 1_000_000) : String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }

    /**
     * At boot, before the startup command: the sink and the suite's name for the bootstrap, and
     * Pearl's NTest in {@code package.preload} unless the project ships its own.
     */
    private static void prepare(Board board, String file, SuiteEvents events) {
        LuaMachine lua = board.lua();
        LuaTable pearl = new LuaTable();
        pearl.rawset("sink", events);
        pearl.rawset("suite", LuaValue.valueOf(file));
        lua.globals().rawset("__pearl_ntest", pearl);
        if (board.spiffs().getContents("NTest.lua") == null && board.spiffs().getContents("NTest.lc") == null) {
            LuaValue preload = lua.globals().get("package").get("preload");
            preload.rawset("NTest", lua.compileIntoFlash(NTEST, "@NTest.lua"));
        }
    }

    private static String resource(String name) {
        try (InputStream in = SuiteRunner.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("pearl.emulator is missing its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
