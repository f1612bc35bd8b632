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
                + BoardSession.OPTIONS_USAGE;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        BoardSession.Options options = BoardSession.parse(args, DEFAULT_FOR, false);
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
}
