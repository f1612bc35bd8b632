package pearl.emulator.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's {@code coroutine} library on LuaJ's threads. LuaJ turns an error inside a coroutine
 * into its text; here each body is wrapped so the error value itself (a table, say) reaches the
 * resumer, and so a board stop (watchdog, out of memory) raised inside a coroutine is not taken
 * for a Lua error.
 */
public final class CoroutineLibrary {

    private static final String[] STATUS = { "suspended", "suspended", "running", "normal", "dead" };

    private final Globals globals;
    private final VmHooks hooks;

    private CoroutineLibrary(Globals globals, VmHooks hooks) {
        this.globals = globals;
        this.hooks = hooks;
    }

    /** The outcome of a body: the error it raised, if it raised one. */
    private static final class Body {
        Throwable failure;
    }

    private static final class Coroutine extends LuaThread {
        final Body body;
        final LuaValue userFunction;

        Coroutine(Globals globals, LuaValue function, Body body, LuaValue userFunction) {
            super(globals, function);
            this.body = body;
            this.userFunction = userFunction;
        }
    }

    /** The function {@code coroutine.create} was given for {@code thread}, or null. */
    public static LuaValue functionOf(LuaThread thread) {
        return thread instanceof Coroutine c ? c.userFunction : null;
    }

    /** Fills {@code table} with the library's functions. */
    public static void install(LuaTable table, Globals globals, VmHooks hooks) {
        CoroutineLibrary lib = new CoroutineLibrary(globals, hooks);
        LibraryFunction.define(table, "create", args -> {
            if (!(args.arg1() instanceof org.luaj.vm2.LuaClosure)) {
                throw LuaArgs.argError(1, "Lua function expected");
            }
            return lib.create(args.arg1());
        });
        LibraryFunction.define(table, "resume", args -> {
            LuaValue co = args.arg1();
            if (!(co instanceof Coroutine c)) {
                throw LuaArgs.typeError(args, 1, "coroutine");
            }
            return lib.resume(c, args.subargs(2));
        });
        LibraryFunction.define(table, "running", args -> {
            LuaThread running = globals.running;
            return running.isMainThread() ? LuaValue.NIL : running;
        });
        LibraryFunction.define(table, "status", args -> {
            LuaValue co = args.arg1();
            if (!(co instanceof LuaThread t)) {
                throw LuaArgs.typeError(args, 1, "coroutine");
            }
            return LuaValue.valueOf(status(globals, t));
        });
        LibraryFunction.define(table, "wrap", args -> {
            Coroutine c = lib.create(LuaArgs.checkFunction(args, 1));
            return LibraryFunction.closure("wrap", a -> {
                Varargs r = lib.resume(c, a);
                if (r.arg1().toboolean()) {
                    return r.subargs(2);
                }
                LuaValue error = r.arg(2);
                if (error.isstring()) {
                    // 5.1 prefixes where the wrapper was called: done by the hooks at that frame
                    throw new LuaError(error.tojstring());
                }
                throw new ErrorValue(error);
            }, c);
        });
        LibraryFunction.define(table, "yield", args -> {
            if (globals.running.isMainThread() || hooks.stack().boundaries > 0) {
                throw new LuaError("attempt to yield across metamethod/C-call boundary");
            }
            Varargs resumedWith = globals.yield(args);
            hooks.threadSwitched();
            return resumedWith;
        });
    }

    private static String status(Globals globals, LuaThread t) {
        if (t == globals.running) {
            return "running";
        }
        String s = t.getStatus();
        return "normal".equals(s) || "running".equals(s) ? "normal" : s;
    }

    private Coroutine create(LuaValue function) {
        Body body = new Body();
        LuaValue guarded = LibraryFunction.of("coroutine", args -> {
            try {
                return function.invoke(args);
            } catch (LuaError e) {
                hooks.finish(e);
                body.failure = e;
                throw e;
            } catch (RuntimeException | Error e) {
                body.failure = e;
                throw e;
            }
        });
        return new Coroutine(globals, guarded, body, function);
    }

    private Varargs resume(Coroutine c, Varargs args) {
        String status = status(globals, c);
        if (!"suspended".equals(status)) {
            return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("cannot resume " + status + " coroutine"));
        }
        Varargs r;
        try {
            r = c.resume(args);
        } finally {
            hooks.threadSwitched();
        }
        Throwable failure = c.body.failure;
        if (failure != null) {
            c.body.failure = null;
            if (failure instanceof Error stop) {
                throw stop;
            }
            if (failure instanceof LuaError e) {
                return LuaValue.varargsOf(LuaValue.FALSE, BaseLibrary.messageOf(e));
            }
            return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(String.valueOf(failure.getMessage())));
        }
        return r;
    }
}
