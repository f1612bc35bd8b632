package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.optInt;

import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;

import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code rtcmem}: the 128 32-bit slots of RTC user memory. They keep their values across restarts
 * and deep sleep; at power-on they hold whatever the chip came up with (here: noise from the
 * board's seed). Slots outside 0-127 read as nothing and ignore writes.
 */
public final class RtcmemModule implements FirmwareModule {

    /** RTC user memory: 512 bytes. */
    public static final int SLOTS = 128;

    /** Each board's RTC memory, powered as long as the board is. */
    private final Map<Board, int[]> memories = new WeakHashMap<>();

    @Override
    public String name() {
        return "rtcmem";
    }

    @Override
    public void define(RomTable rtcmem, Board board) {
        int[] slots = memories.computeIfAbsent(board, b -> new Random(b.options().seed()).ints(SLOTS).toArray());
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
