package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkString;

import java.util.Base64;
import java.util.HexFormat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/** {@code encoder}: binary strings as Base64 (standard alphabet, padded) and lower-case hex, and back. */
public final class EncoderModule implements FirmwareModule {

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String name() {
        return "encoder";
    }

    @Override
    public void define(RomTable encoder, Board board) {
        LibraryFunction.define(encoder, "toBase64",
                args -> ModuleAllocations.string(board, bytes(Base64.getEncoder().encode(bytes(checkString(args, 1))))));
        LibraryFunction.define(encoder, "fromBase64", args -> {
            byte[] b64 = bytes(checkString(args, 1));
            if (b64.length % 4 != 0) {
                throw new LuaError("Invalid base64 string");
            }
            try {
                return ModuleAllocations.string(board, bytes(Base64.getDecoder().decode(b64)));
            } catch (IllegalArgumentException e) {
                throw new LuaError("Invalid base64 string");
            }
        });
        LibraryFunction.define(encoder, "toHex",
                args -> ModuleAllocations.string(board, LuaValue.valueOf(HEX.formatHex(bytes(checkString(args, 1))))));
        LibraryFunction.define(encoder, "fromHex", args -> {
            String hex = new String(bytes(checkString(args, 1)), java.nio.charset.StandardCharsets.ISO_8859_1);
            try {
                return ModuleAllocations.string(board, bytes(HEX.parseHex(hex)));
            } catch (IllegalArgumentException e) {
                throw new LuaError("Invalid hex string");
            }
        });
    }

    /** The bytes of a Lua string. */
    static byte[] bytes(LuaString s) {
        byte[] b = new byte[s.m_length];
        s.copyInto(0, b, 0, b.length);
        return b;
    }

    /** A Lua string of {@code b}. */
    static LuaString bytes(byte[] b) {
        return LuaString.valueUsing(b);
    }
}
