package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a few lines of Lua as a board's {@code init.lua} and returns the lines it printed. */
final class LuaScripts {

    private static final String BEGIN = "-- begin --";

    private LuaScripts() {
    }

    /**
     * Boots a board whose {@code init.lua} is {@code lines}, runs it for {@code millis} of virtual
     * time, and returns what it printed, one entry per line, without the prompts and without
     * traceback lines after an uncaught error.
     */
    static List<String> run(long millis, String... lines) {
        TestBoards b = new TestBoards(initLua(lines));
        return printed(b.run(millis));
    }

    /** An {@code init.lua} of {@code lines} after a line printing the begin marker {@link #printed} looks for. */
    static String initLua(String... lines) {
        return "print('" + BEGIN + "')\n" + String.join("\n", lines) + "\n";
    }

    /** {@link #run(long, String...)} for one second. */
    static List<String> run(String... lines) {
        return run(1000, lines);
    }

    /** The lines printed after the begin marker of one boot's UART text. */
    static List<String> printed(String uart) {
        int begin = uart.indexOf(BEGIN + "\n");
        assertTrue(begin >= 0, uart);
        String out = uart.substring(begin + BEGIN.length() + 1);
        if (out.endsWith("> ")) {
            out = out.substring(0, out.length() - 2);
        }
        List<String> printed = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        printed.remove(printed.size() - 1);
        printed.removeIf(line -> line.equals("stack traceback:") || line.startsWith("\t"));
        // output of a callback after init.lua follows the prompt on its line
        printed.replaceAll(line -> line.startsWith("> ") ? line.substring(2) : line);
        return printed;
    }
}
