package pearl.cli;

import java.util.ArrayList;
import java.util.List;

import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.SerialLink;

/** {@code --port DEV [--baud N]}, shared by the commands that talk to a real board. */
record PortOptions(String port, int baud, List<String> rest) {

    static final String USAGE = """
              --port DEV        the board's serial port (/dev/ttyUSB0, COM3; a pty from 'pearl run --pty')
              --baud N          the REPL's speed (default 115200)
            """;

    /** Takes {@code --port} and {@code --baud} out of {@code args}; the rest is the command's. */
    static PortOptions parse(List<String> args) throws UsageException {
        String port = null;
        int baud = SerialLink.DEFAULT_BAUD;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--port") || arg.equals("--baud")) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (arg.equals("--port")) {
                    port = value;
                } else {
                    try {
                        baud = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--baud takes a number, not '" + value + "'");
                    }
                }
            } else {
                rest.add(args.get(i));
            }
        }
        if (port == null) {
            throw new UsageException("which board? Give its serial port with --port DEV");
        }
        return new PortOptions(port, baud, rest);
    }

    /** Opens the port and finds the board's prompt. */
    ReplClient connect() throws DeviceException {
        return ReplClient.open(port, baud);
    }

    /** Reports a device failure as {@code pearl COMMAND: message} and gives the exit code 1. */
    static int fail(Console console, String command, DeviceException e) {
        console.err().println("pearl " + command + ": " + e.getMessage());
        return 1;
    }
}
