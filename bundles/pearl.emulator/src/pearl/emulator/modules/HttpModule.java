package pearl.emulator.modules;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.HostIo;
import pearl.emulator.Priority;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;
import pearl.emulator.net.HttpExchange;
import pearl.emulator.net.RegistryRefs;

/**
 * {@code http}: the firmware's HTTP client against real servers. Requests go one at a time, in
 * the order made, on a host thread; the callback {@code cb(status, body, headers)} runs as a task
 * on the board, and stays in the registry until then.
 */
public final class HttpModule implements FirmwareModule {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void define(RomTable http, Board board) {
        // one thread at most, ending when idle, so that reboots leave no threads behind
        ExecutorService oneAtATime = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "pearl http");
            t.setDaemon(true);
            return t;
        });
        Requests requests = new Requests(board, oneAtATime);
        LibraryFunction.define(http, "get", args -> requests.start(args, 1, "GET", 2, 0, 3));
        LibraryFunction.define(http, "delete", args -> requests.start(args, 1, "DELETE", 2, 3, 4));
        LibraryFunction.define(http, "post", args -> requests.start(args, 1, "POST", 2, 3, 4));
        LibraryFunction.define(http, "put", args -> requests.start(args, 1, "PUT", 2, 3, 4));
        LibraryFunction.define(http, "request", args -> {
            String method = args.arg(2).isstring() ? args.arg(2).tojstring() : null;
            if (method == null) {
                throw new LuaError("wrong arg type");
            }
            return requests.start(args, 1, method, 3, 4, 5);
        });
    }

    /** The requests of one boot, made one after the other. */
    private record Requests(Board board, ExecutorService executor) {

        /** Checks the arguments at the positions given (0: absent) and queues the request. */
        Varargs start(Varargs args, int urlAt, String method, int headersAt, int bodyAt, int callbackAt) {
            LuaValue url = args.arg(urlAt);
            LuaValue headers = args.arg(headersAt);
            LuaValue body = bodyAt == 0 ? LuaValue.NIL : args.arg(bodyAt);
            LuaValue callback = args.arg(callbackAt);
            if (!url.isstring() || !(headers.isnil() || headers.isstring()) || !(body.isnil() || body.isstring())
                    || !(callback.isnil() || callback.isfunction())) {
                throw new LuaError("wrong arg type");
            }
            byte[] bytes = body.isnil() ? null : bytes(body.strvalue());
            String headerText = headers.isnil() ? "" : headers.tojstring();
            LuaTable registry = board.lua().registry();
            int ref = RegistryRefs.ref(registry, callback);
            HostIo io = board.hostIo();
            Closeable pending = () -> {
            };
            io.opened(pending);
            executor.execute(() -> {
                HttpExchange.Result r = HttpExchange.perform(url.tojstring(), method, headerText, bytes);
                io.deliver(Priority.MEDIUM, "http callback", () -> {
                    RegistryRefs.unref(registry, ref);
                    if (callback.isfunction()) {
                        board.call(callback, results(r));
                    }
                });
                io.closed(pending);
            });
            return LuaValue.NONE;
        }

        private static byte[] bytes(LuaString s) {
            byte[] b = new byte[s.length()];
            s.copyInto(0, b, 0, b.length);
            return b;
        }

        private static Varargs results(HttpExchange.Result r) {
            if (r.body() == null) {
                return LuaValue.varargsOf(LuaValue.valueOf(r.status()), LuaValue.NIL, LuaValue.NIL);
            }
            LuaTable headers = new LuaTable();
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                headers.rawset(h.getKey(), h.getValue());
            }
            return LuaValue.varargsOf(LuaValue.valueOf(r.status()), LuaString.valueOf(r.body()), headers);
        }
    }
}
