package pearl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a command's arguments: options as {@code --name value} or {@code --name=value}, and
 * plain arguments. One place for the spelling rules every command shares.
 */
final class ArgumentReader {

    private final List<String> rest;
    private String inline;

    ArgumentReader(List<String> args) {
        this.rest = new ArrayList<>(args);
    }

    /** Whether arguments remain. */
    boolean hasNext() {
        return !rest.isEmpty();
    }

    /** The next argument; for {@code --name=value} the name, the value kept for {@link #value}. */
    String next() {
        String arg = rest.remove(0);
        inline = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
            inline = arg.substring(eq + 1);
            return arg.substring(0, eq);
        }
        return arg;
    }

    /** The value of {@code option} just read: after its '=' or the next argument. */
    String value(String option) throws UsageException {
        if (inline != null) {
            String v = inline;
            inline = null;
            return v;
        }
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }

    /** Virtual time in {@code value}, as {@code --for} and {@code --timeout} take it. */
    static long duration(String option, String value) throws UsageException {
        try {
            return pearl.emulator.Durations.micros(option, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Fails for an unknown option; returns a plain argument as it is. */
    static String plain(String arg) throws UsageException {
        if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
        }
        return arg;
    }
}
