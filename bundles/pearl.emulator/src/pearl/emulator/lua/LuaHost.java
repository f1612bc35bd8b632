package pearl.emulator.lua;

/** What the Lua libraries need from the board they run on. */
public interface LuaHost {

    /** Writes bytes to the board's output ({@code print}); each char is one byte (0-255). */
    void output(String bytes);

    /** The contents of a file on the board's file system, or null when there is none. */
    byte[] readFile(String name);

    /** Bytes of the Lua heap in use, as {@code collectgarbage("count")} reports them. */
    long heapUsed();

    /** Runs a full garbage collection ({@code collectgarbage()}). */
    void collectGarbage();
}
