package pearl.cli;

import java.util.List;

import pearl.emulator.Board;

/**
 * {@code pearl repl}: an emulated board with its UART on stdin and stdout, in real time, as a
 * serial console to a real board would be; or on a pseudo-terminal with {@code --pty}.
 */
final class ReplCommand implements Command {

    private static final long FOREVER = Long.MAX_VALUE / 4;
    /** Ctrl+], as telnet and most serial consoles take it, ends an interactive session. */
    private static final char QUIT = 0x1d;

    @Override
    public String name() {
        return "repl";
    }

    @Override
    public String summary() {
        return "talk to an emulated board's Lua prompt (stdin/stdout or --pty)";
    }

    @Override
    public String usage() {
        return "Usage: pearl repl [OPTIONS] PROJECT_DIR\n\n"
                + "Boots an emulated NodeMCU board with the project's files and connects its UART to this\n"
                + "terminal (or, with --pty, to a new pseudo-terminal for serial tools). Ends at the end of\n"
                + "input, or at Ctrl+] on a terminal.\n\nOptions:\n"
                + BoardSession.OPTIONS_USAGE;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        BoardSession.Options options = BoardSession.parse(args, FOREVER, true);
        Board board = BoardSession.run(options, console, name(), (runner, pty) -> {
            if (pty != null) {
                runner.run(options.forMicros(), true, false);
                return;
            }
            runner.writeTo(console.out());
            try (TerminalMode terminal = console.in() == System.in ? TerminalMode.characterMode() : null) {
                if (terminal != null) {
                    console.err().println("pearl repl: connected to the board's UART; Ctrl+] quits");
                    runner.readFrom(console.in(), QUIT);
                } else {
                    runner.readFrom(console.in());
                }
                runner.run(options.forMicros(), true, true);
            }
        });
        if (board == null) {
            return Main.USAGE;
        }
        return board.rebootLoopCause() != null ? RunCommand.REBOOT_LOOP : 0;
    }
}
