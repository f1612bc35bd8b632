package pearl.emulator;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaBytes;

/**
 * Where {@code node.output(fn)} sends the board's output: a pipe whose reader {@code fn(pipe)} runs
 * as a task after output arrives and takes it with {@code pipe:read()}.
 */
final class OutputPipe {

    private final Board board;
    private final LuaValue reader;
    private final boolean serialDebug;
    private final StringBuilder buffer = new StringBuilder();
    private final LuaTable pipe = new LuaTable();
    private boolean readerQueued;

    OutputPipe(Board board, LuaValue reader, boolean serialDebug) {
        this.board = board;
        this.reader = reader;
        this.serialDebug = serialDebug;
        LuaTable methods = new LuaTable();
        LibraryFunction.define(methods, "read", args -> {
            String all = buffer.toString();
            buffer.setLength(0);
            return all.isEmpty() ? LuaValue.NIL : LuaBytes.string(all);
        });
        methods.rawset(LuaValue.INDEX, methods);
        pipe.setmetatable(methods);
    }

    void write(String bytes) {
        if (serialDebug) {
            board.uart().write(bytes);
        }
        buffer.append(bytes);
        if (!readerQueued) {
            readerQueued = board.post(Priority.LOW, "node.output reader", () -> {
                readerQueued = false;
                board.call(reader, pipe);
            });
        }
    }
}
