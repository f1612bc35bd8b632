package pearl.cli;

import java.util.List;

import pearl.device.repl.DeviceException;
import pearl.device.repl.RebootRescue;
import pearl.device.repl.SerialLink;

/** {@code pearl rescue}: gets a board out of a reboot loop by renaming its init.lua. */
final class RescueCommand implements Command {

    private static final int RESCUE_MILLIS = 30_000;

    @Override
    public String name() {
        return "rescue";
    }

    @Override
    public String summary() {
        return "get a board out of a reboot loop: rename its init.lua in the window after boot";
    }

    @Override
    public String usage() {
        return "Usage: pearl rescue --port DEV [--baud N]\n\n"
                + "Resets the board (DTR/RTS) and, as soon as its prompt takes a line after a boot, renames\n"
                + "init.lua to " + RebootRescue.RENAMED + ", so the next boot stays at the prompt. Gives up after\n"
                + RESCUE_MILLIS / 1000 + " s.\n\nOptions:\n"
                + PortOptions.USAGE;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        PortOptions port = PortOptions.parse(args);
        if (!port.rest().isEmpty()) {
            throw new UsageException("unexpected argument " + port.rest().get(0));
        }
        try (SerialLink link = SerialLink.open(port.port(), port.baud())) {
            console.err().println("pearl rescue: resetting the board and waiting for a window after boot...");
            RebootRescue.Result result = RebootRescue.rescue(link, RESCUE_MILLIS);
            console.out().println(result == RebootRescue.Result.RENAMED
                    ? "init.lua renamed to " + RebootRescue.RENAMED + "; the board boots to its prompt now"
                    : "the board has no init.lua: nothing to rename");
            return 0;
        } catch (DeviceException e) {
            return PortOptions.fail(console, name(), e);
        }
    }
}
