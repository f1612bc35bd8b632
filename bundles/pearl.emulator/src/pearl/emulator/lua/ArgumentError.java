package pearl.emulator.lua;

import org.luaj.vm2.LuaError;

/**
 * A library function's complaint about argument {@code n}. Lua 5.1 names the function by how it
 * was called ({@code bad argument #1 to 'rep'}), which only the caller's frame knows, so the text is
 * finished when the error reaches it (see {@link VmHooks}).
 */
public final class ArgumentError extends LuaError {
    private static final long serialVersionUID = 1L;

    private final int argument;
    private final String problem;

    /** Argument {@code argument} (1-based, self included) is wrong: {@code problem}. */
    public ArgumentError(int argument, String problem) {
        super("bad argument #" + argument + " to '?' (" + problem + ")");
        this.argument = argument;
        this.problem = problem;
    }

    /** The text for a call through {@code name} (null when the call site is unknown). */
    String describe(VariableNames.Name name) {
        if (name == null) {
            return "bad argument #" + argument + " to '?' (" + problem + ")";
        }
        if (name.kind().equals("method")) {
            if (argument == 1) {
                return "calling '" + name.name() + "' on bad self (" + problem + ")";
            }
            return "bad argument #" + (argument - 1) + " to '" + name.name() + "' (" + problem + ")";
        }
        return "bad argument #" + argument + " to '" + name.name() + "' (" + problem + ")";
    }
}
