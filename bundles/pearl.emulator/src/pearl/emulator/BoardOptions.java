package pearl.emulator;

/**
 * How a board is built and run: what {@code pearl run} options and the launch configuration set.
 *
 * @param seed       fixes every random source, so runs repeat
 * @param heapBytes  the Lua heap free at boot (about 44 KB on a current float build)
 * @param watchdog   false lifts the 500 ms task limit (for long computations and benchmarks)
 * @param safeBoot   skip init.lua, as the FAQ's recovery tricks do
 * @param banner     print the boot banner
 */
public record BoardOptions(long seed, long heapBytes, boolean watchdog, boolean safeBoot, boolean banner) {

    /** Free heap at boot per the firmware documentation (lfs.md: about 44 KB). */
    public static final long DEFAULT_HEAP = 44 * 1024;

    /**
     * SPIFFS of a 4 MB module: the flash after the firmware's first megabyte, less the SDK's
     * 16 KB of parameter sectors at its end (the firmware sizes SPIFFS to the rest of the flash).
     */
    public static final long DEFAULT_SPIFFS = 3 * 1024 * 1024 - 16 * 1024;

    /** A board as it comes: seed 1, 44 KB heap, watchdog on, init.lua runs, banner shown. */
    public static BoardOptions defaults() {
        return new BoardOptions(1, DEFAULT_HEAP, true, false, true);
    }

    /** These options with another seed. */
    public BoardOptions withSeed(long newSeed) {
        return new BoardOptions(newSeed, heapBytes, watchdog, safeBoot, banner);
    }

    /** These options with another heap size. */
    public BoardOptions withHeap(long bytes) {
        return new BoardOptions(seed, bytes, watchdog, safeBoot, banner);
    }

    /** These options with the watchdog on or off. */
    public BoardOptions withWatchdog(boolean on) {
        return new BoardOptions(seed, heapBytes, on, safeBoot, banner);
    }

    /** These options with the boot banner shown or not. */
    public BoardOptions withBanner(boolean on) {
        return new BoardOptions(seed, heapBytes, watchdog, safeBoot, on);
    }

    /** These options with safe boot on or off. */
    public BoardOptions withSafeBoot(boolean on) {
        return new BoardOptions(seed, heapBytes, watchdog, on, banner);
    }
}
