package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkAny;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.heap.HeapSized;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;
import pearl.emulator.modules.json.JsonOptions;
import pearl.emulator.modules.json.JsonParser;
import pearl.emulator.modules.json.JsonWriter;

/**
 * {@code sjson}: JSON to and from Lua values, at once ({@code encode}, {@code decode}) or
 * streaming ({@code encoder(v):read(n)}, {@code decoder():write(s)}). There is no
 * {@code sjson.NULL} (the firmware's ROM table has none): without an options table a JSON
 * {@code null} decodes to one light userdata, with an options table to its {@code null} field.
 */
public final class SjsonModule implements FirmwareModule {

    /** The default piece size of {@code encoder:read()}. */
    private static final int READ_SIZE = 1024;
    /** The C state behind a streaming encoder or decoder (its stack and buffer), in bytes. */
    private static final int STREAM_STATE_BYTES = 64;

    @Override
    public String name() {
        return "sjson";
    }

    @Override
    public void define(RomTable sjson, Board board) {
        RomTable encoderMethods = new RomTable("sjson.encoder");
        encoderMethods.rawset(LuaValue.INDEX, encoderMethods);
        LibraryFunction.define(encoderMethods, "read", args -> self(args, Encoder.class, "sjson.encoder").read(optInt(args, 2, READ_SIZE)));
        encoderMethods.seal();

        RomTable decoderMethods = new RomTable("sjson.decoder");
        decoderMethods.rawset(LuaValue.INDEX, decoderMethods);
        LibraryFunction.define(decoderMethods, "write",
                args -> {
                    LuaValue v = self(args, Decoder.class, "sjson.decoder").write(LuaBytes.chars(checkString(args, 2)));
                    ModuleAllocations.charge(board, HeapOfValue.bytes(v));
                    return v;
                });
        LibraryFunction.define(decoderMethods, "result", args -> self(args, Decoder.class, "sjson.decoder").result());
        decoderMethods.seal();

        LibraryFunction.define(sjson, "encode", args -> {
            LuaValue v = checkAny(args, 1);
            return ModuleAllocations.string(board, LuaBytes.string(JsonWriter.write(v, JsonOptions.of(args, 2))));
        });
        LibraryFunction.define(sjson, "decode", args -> {
            String text = LuaBytes.chars(checkString(args, 1));
            JsonOptions options = JsonOptions.of(args, 2);
            try {
                LuaValue v = JsonParser.parse(text, true, options);
                ModuleAllocations.charge(board, HeapOfValue.bytes(v));
                return v;
            } catch (JsonParser.Incomplete e) {
                throw new LuaError("Incomplete JSON object passed to sjson.decode");
            }
        });
        LibraryFunction.define(sjson, "encoder", args -> {
            LuaValue v = checkAny(args, 1);
            return new LuaUserdata(new Encoder(JsonWriter.write(v, JsonOptions.of(args, 2))), encoderMethods);
        });
        LibraryFunction.define(sjson, "decoder", args -> new LuaUserdata(new Decoder(JsonOptions.of(args, 1)), decoderMethods));
    }

    private static <T> T self(Varargs args, Class<T> type, String name) {
        if (args.arg1() instanceof LuaUserdata u && type.isInstance(u.m_instance)) {
            return type.cast(u.m_instance);
        }
        throw LuaArgs.typeError(args, 1, name);
    }

    /** A streaming encoder: the JSON text handed out piece by piece. */
    private static final class Encoder implements HeapSized {
        private final String json;
        private int next;

        Encoder(String json) {
            this.json = json;
        }

        LuaValue read(int size) {
            if (size < 1) {
                throw LuaArgs.argError(2, "must be positive");
            }
            if (next >= json.length()) {
                return LuaValue.NIL;
            }
            int end = Math.min(json.length(), next + size);
            String piece = json.substring(next, end);
            next = end;
            return LuaBytes.string(piece);
        }

        @Override
        public int heapBytes() {
            return STREAM_STATE_BYTES + Math.min(READ_SIZE, json.length() - next);
        }
    }

    /** A streaming decoder: text written so far, parsed again as each piece arrives. */
    private static final class Decoder implements HeapSized {
        private final JsonOptions options;
        private final StringBuilder text = new StringBuilder();
        private boolean failed;
        private boolean done;
        private LuaValue result = LuaValue.NIL;

        Decoder(JsonOptions options) {
            this.options = options;
        }

        LuaValue write(String piece) {
            if (failed) {
                throw new LuaError("JSON parse error: previous call");
            }
            text.append(piece);
            if (JsonParser.blank(text.toString())) {
                return LuaValue.NIL;
            }
            try {
                result = JsonParser.parse(text.toString(), false, options);
                done = true;
                return result;
            } catch (JsonParser.Incomplete e) {
                return LuaValue.NIL;
            } catch (LuaError e) {
                failed = true;
                throw e;
            }
        }

        LuaValue result() {
            if (!done && !failed && !JsonParser.blank(text.toString())) {
                try {
                    // a number at the very end is complete once nothing more is written
                    result = JsonParser.parse(text.toString(), true, options);
                    done = true;
                } catch (JsonParser.Incomplete e) {
                    // not complete yet
                }
            }
            if (!done) {
                throw new LuaError("decode not complete");
            }
            return result;
        }

        @Override
        public int heapBytes() {
            return STREAM_STATE_BYTES + text.length();
        }

        @Override
        public void references(java.util.function.Consumer<LuaValue> mark) {
            mark.accept(result);
        }
    }
}
