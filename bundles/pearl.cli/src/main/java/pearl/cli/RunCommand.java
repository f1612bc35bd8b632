package pearl.cli;

import java.util.List;

import pearl.emulator.Board;

/**
 * {@code pearl run}: boots an emulated board with a project's files and runs it in virtual time,
 * the UART on stdout. Exit 0, or 3 when the board fell into a reboot loop (its cause on stderr).
 */
final class RunCommand implements Command {

    /** Exit code of a run that ended in a reboot loop. */
    static final int REBOOT_LOOP = 3;
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
                + "the board's UART to stdout. Exit 0, or 3 on a reboot loop.\n\nOptions:\n"
                + BoardSession.OPTIONS_USAGE
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
        BoardSession.Options options = BoardSession.parse(rest, DEFAULT_FOR, false);
        Board board = BoardSession.run(options, console, name(), (runner, pty) -> {
            runner.writeTo(console.out());
            runner.run(options.forMicros(), options.realtime(), false);
        });
        if (board == null) {
            return Main.USAGE;
        }
        if (board.rebootLoopCause() != null) {
            console.err().println("pearl run: reboot loop: the board restarted " + Board.LOOP_REBOOTS
                    + " times, each within " + Board.LOOP_WINDOW_MICROS / 1_000_000 + " s of booting; last cause: "
                    + board.rebootLoopCause() + " (--safe-boot skips init.lua)");
            return REBOOT_LOOP;
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
