package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.optInt;

import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code rtcmem}: reads and writes the 128 32-bit slots of RTC user memory ({@link RtcMemory}),
 * which survive restarts and deep sleep. Slots outside 0-127 read as nothing and ignore writes.
 */
public final class RtcmemModule implements FirmwareModule {

    private static final int SLOTS = RtcMemory.SLOTS;

    @Override
    public String name() {
        return "rtcmem";
    }

    @Override
    public void define(RomTable rtcmem, Board board) {
        int[] slots = RtcMemory.of(board);
        LibraryFunction.define(rtcmem, "read32", args -> {
            int index = checkInt(args, 1);
            int count = optInt(args, 2, 1);
            if (index < 0 || index >= SLOTS || count <= 0) {
                return LuaValue.NONE;
            }
            int end = (int) Math.min(SLOTS, (long) index + count);
            LuaValue[] values = new LuaValue[end - index];
            for (int i = index; i < end; i++) {
                values[i - index] = LuaValue.valueOf(slots[i]);
            }
            return LuaValue.varargsOf(values);
        });
        LibraryFunction.define(rtcmem, "write32", args -> {
            int index = checkInt(args, 1);
            for (int n = 2; n <= Math.max(2, args.narg()); n++, index++) {
                int value = checkInt(args, n);
                if (index >= 0 && index < SLOTS) {
                    slots[index] = value;
                }
            }
            return LuaValue.NONE;
        });
    }
}
