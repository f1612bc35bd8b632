package pearl.device.repl;

/**
 * A byte pipe to a board: a serial port in use, a wrapper around one in tests. Bytes are bytes
 * (ISO-8859-1 when shown as text); nothing here knows about Lua.
 */
public interface Link extends AutoCloseable {

    /** Sends {@code bytes}; they are on their way when this returns. */
    void write(byte[] bytes) throws DeviceException;

    /**
     * Waits up to {@code millis} for bytes from the board.
     *
     * @return the bytes that arrived, empty when none did in time
     */
    byte[] read(int millis) throws DeviceException;

    /**
     * Resets the board as a NodeMCU devkit's auto-reset circuit lets the host do: RTS pulls EN
     * low for 100 ms while DTR keeps GPIO0 high (normal boot, not the ROM bootloader).
     *
     * @return false when the port has no modem lines to pulse (a pseudo-terminal)
     */
    boolean pulseReset() throws DeviceException;

    /** Closes the link; later calls fail. */
    @Override
    void close();
}
