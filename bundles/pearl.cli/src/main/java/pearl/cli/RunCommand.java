package pearl.cli;

import java.util.List;

import pearl.emulator.Board;
import pearl.emulator.OutputExpectations;
import pearl.emulator.scenario.Scenario;
import pearl.emulator.scenario.ScenarioException;
import pearl.emulator.scenario.ScenarioFailure;
import pearl.emulator.scenario.ScenarioRunner;

/**
 * {@code pearl run}: boots an emulated board with a project's files and runs it in virtual time,
 * the UART on stdout. Exit 0, or 3 when the board fell into a reboot loop (its cause on stderr).
 */
final class RunCommand implements Command {

    /** Exit code of a run that ended in a reboot loop. */
    static final int REBOOT_LOOP = 3;
    /** Exit code of a run that reached its --timeout unsettled. */
    static final int TIMEOUT = 4;
    /** Exit code of a run that printed a failing text, or not its expected one. */
    static final int FAILED = 1;
    private static final long DEFAULT_FOR = 10_000_000;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a project on an emulated board (virtual time, no hardware)";
    }

    @Override
    public String usage() {
        return "Usage: pearl run [OPTIONS] PROJECT_DIR\n\n"
                + "Boots an emulated NodeMCU board with the project's files in SPIFFS, runs init.lua and\n"
                + "whatever it starts for 10 s of virtual time (a day of timers takes seconds), and prints\n"
                + "the board's UART to stdout. Exit 0, or 3 on a reboot loop; with expectations, 0 when\n"
                + "the expected output appears first, 1 when a failing one does (or the expected never\n"
                + "does), 4 at the --timeout.\n\nOptions:\n"
                + BoardSession.OPTIONS_USAGE + ExpectationOptions.USAGE + ScenarioFile.USAGE
                + "  --dap PORT        wait for a debugger (DAP client) on 127.0.0.1:PORT and let it attach\n";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        List<String> rest = new java.util.ArrayList<>(args);
        int dap = rest.indexOf("--dap");
        if (dap >= 0) {
            if (dap + 1 >= rest.size()) {
                throw new UsageException("--dap needs a port");
            }
            int port = DapCommand.port(rest.get(dap + 1));
            rest.subList(dap, dap + 2).clear();
            return debugged(rest, port, console);
        }
        Scenario scenario = ScenarioFile.extract(rest);
        ExpectationOptions expect = ExpectationOptions.extract(rest);
        BoardSession.Options options = BoardSession.parse(rest, DEFAULT_FOR, false);
        long span = expect.timeoutMicros >= 0 ? expect.timeoutMicros : options.forMicros();
        List<ScenarioFailure> failures = new java.util.ArrayList<>();
        String[] scenarioProblem = new String[1];
        Board board = BoardSession.run(options, console, name(), (runner, pty) -> {
            runner.writeTo(console.out());
            expect.expectations.watch(runner.board());
            if (scenario != null) {
                try {
                    failures.addAll(new ScenarioRunner(runner.board()).run(scenario));
                } catch (ScenarioException e) {
                    scenarioProblem[0] = e.getMessage();
                }
                return;
            }
            runner.run(span, options.realtime(), false);
        });
        if (board == null) {
            return Main.USAGE;
        }
        if (scenarioProblem[0] != null) {
            console.err().println("pearl run: the scenario cannot run: " + scenarioProblem[0]);
            return Main.USAGE;
        }
        if (scenario != null) {
            failures.forEach(f -> console.err().println("pearl run: scenario failed: " + f));
            if (failures.isEmpty()) {
                console.err().println("pearl run: scenario passed: " + scenario.steps().size() + " steps");
            }
            return failures.isEmpty() ? 0 : FAILED;
        }
        OutputExpectations e = expect.expectations;
        if (e.outcome() != OutputExpectations.Outcome.UNSETTLED) {
            console.err().printf(java.util.Locale.ROOT, "pearl run: %s %s at %.6f s of virtual time%n",
                    e.outcome() == OutputExpectations.Outcome.PASSED ? "passed:" : "failed:", e.settledBy(),
                    e.settledAtMicros() / 1e6);
            return e.outcome() == OutputExpectations.Outcome.PASSED ? 0 : FAILED;
        }
        if (board.rebootLoopCause() != null) {
            console.err().println("pearl run: reboot loop: the board restarted " + Board.LOOP_REBOOTS
                    + " times, each within " + Board.LOOP_WINDOW_MICROS / 1_000_000 + " s of booting; last cause: "
                    + board.rebootLoopCause() + " (--safe-boot skips init.lua)");
            return REBOOT_LOOP;
        }
        if (expect.timeoutMicros >= 0) {
            console.err().println("pearl run: timeout: nothing settled the run in " + expect.timeoutMicros / 1e6
                    + " s of virtual time");
            return TIMEOUT;
        }
        if (e.expectsSomething()) {
            console.err().println("pearl run: failed: the expected output did not appear in " + options.forMicros() / 1e6
                    + " s of virtual time");
            return FAILED;
        }
        return 0;
    }

    /**
     * {@code --dap PORT}: the board waits for a DAP client on that port, which attaches to it;
     * without {@code --for} it runs, paced to the wall clock, until the session ends.
     */
    private int debugged(List<String> args, int port, Console console) throws UsageException {
        BoardSession.Options o = BoardSession.parse(args, Long.MAX_VALUE, !args.contains("--for"));
        pearl.emulator.ProjectBoard board = new pearl.emulator.ProjectBoard(o.project(), o.profile(), o.seed(), o.heap(),
                o.watchdog(), o.safeBoot());
        return DapCommand.serve(new pearl.debug.PearlDebugServer(
                new pearl.debug.LaunchArguments(board, o.forMicros(), o.realtime(), false)), port, console);
    }
}
