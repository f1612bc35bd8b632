package pearl.emulator.modules;

import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;

import pearl.emulator.Board;

/**
 * The 128 32-bit slots of a board's RTC user memory, shared by {@code rtcmem} and {@code rtctime}
 * (which keeps its clock in slots 0-9, so a program writing those slots loses the time). They keep
 * their values across restarts and deep sleep; at power-on they hold noise (from the board's seed).
 */
final class RtcMemory {

    /** RTC user memory: 512 bytes. */
    static final int SLOTS = 128;

    private static final Map<Board, int[]> MEMORIES = new WeakHashMap<>();

    private RtcMemory() {
    }

    /** The slots of {@code board}, the same array for all of its boots. */
    static synchronized int[] of(Board board) {
        return MEMORIES.computeIfAbsent(board, b -> new Random(b.options().seed()).ints(SLOTS).toArray());
    }
}
