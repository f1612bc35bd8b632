package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;

import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.Priority;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code uart}: writing bytes, {@code uart.on("data")} taking input away from the REPL (by count,
 * by delimiter, or every byte) and giving it back, {@code uart.setup} (its echo flag), and
 * {@code uart.alt} moving UART0 away from the USB bridge.
 */
public final class UartModule implements FirmwareModule {

    @Override
    public String name() {
        return "uart";
    }

    @Override
    public void define(RomTable uart, Board board) {
        int[] config = { 115200, 8, 0, 1 };
        LibraryFunction.define(uart, "write", args -> {
            checkId(args.arg1().isnil() ? 0 : checkInt(args, 1));
            StringBuilder out = new StringBuilder();
            for (int i = 2; i <= args.narg(); i++) {
                LuaValue v = args.arg(i);
                if (v.type() == LuaValue.TNUMBER) {
                    // LuaJ's numbers are also strings: the type tells a byte value from text
                    int b = v.toint();
                    if (b < 0 || b > 255) {
                        throw new org.luaj.vm2.LuaError("invalid number");
                    }
                    out.append((char) b);
                } else {
                    out.append(LuaBytes.chars(checkString(args, i)));
                }
            }
            board.uart().writeRaw(out.toString());
            return LuaValue.NONE;
        });
        LibraryFunction.define(uart, "setup", args -> {
            checkId(checkInt(args, 1));
            config[0] = checkInt(args, 2);
            config[1] = checkInt(args, 3);
            config[2] = checkInt(args, 4);
            config[3] = checkInt(args, 5);
            board.repl().setEcho(LuaArgs.optInt(args, 6, 1) != 0);
            return LuaValue.valueOf(config[0]);
        });
        LibraryFunction.define(uart, "getconfig", args -> {
            checkId(checkInt(args, 1));
            return LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(config[0]), LuaValue.valueOf(config[1]),
                    LuaValue.valueOf(config[2]), LuaValue.valueOf(config[3]) });
        });
        LibraryFunction.define(uart, "alt", args -> {
            board.uart().setAlternatePins(checkInt(args, 1) != 0);
            return LuaValue.NONE;
        });
        LibraryFunction.define(uart, "on", args -> {
            String event = checkString(args, 1).tojstring();
            if (!event.equals("data")) {
                throw argError(1, "method not supported");
            }
            LuaValue condition = args.arg(2);
            LuaValue fn = condition.isfunction() ? condition : args.arg(3);
            int runInputArg = condition.isfunction() ? 3 : 4;
            if (!fn.isfunction()) {
                board.uart().setInputHandler(board.repl()::receive);
                return LuaValue.NONE;
            }
            boolean runInput = LuaArgs.optInt(args, runInputArg, 1) != 0;
            DataEvents events = new DataEvents(board, fn, condition.isfunction() ? LuaValue.NIL : condition);
            board.uart().setInputHandler(bytes -> {
                events.receive(bytes);
                if (runInput) {
                    board.repl().receive(bytes);
                }
            });
            return LuaValue.NONE;
        });
    }

    private static void checkId(int id) {
        if (id != 0 && id != 1) {
            throw argError(1, "invalid uart id");
        }
    }

    /** Cuts received bytes into the chunks {@code uart.on("data", n|delimiter, fn)} asks for. */
    private static final class DataEvents {
        private final Board board;
        private final LuaValue fn;
        private final int count;
        private final char delimiter;
        private final StringBuilder buffer = new StringBuilder();

        DataEvents(Board board, LuaValue fn, LuaValue condition) {
            this.board = board;
            this.fn = fn;
            if (condition.isnumber()) {
                count = Math.max(1, Math.min(255, condition.toint()));
                delimiter = 0;
            } else if (condition.isstring() && condition.length() > 0) {
                count = 0;
                delimiter = LuaBytes.chars(condition).charAt(0);
            } else {
                count = 1;
                delimiter = 0;
            }
        }

        void receive(String bytes) {
            for (int i = 0; i < bytes.length(); i++) {
                char c = bytes.charAt(i);
                buffer.append(c);
                boolean complete = count > 0 ? buffer.length() >= count : c == delimiter;
                if (complete || buffer.length() >= 255) {
                    LuaValue data = LuaBytes.string(buffer.toString());
                    buffer.setLength(0);
                    board.post(Priority.MEDIUM, "uart data", fn, data);
                }
            }
        }
    }
}
