package pearl.device.rom;

import java.io.IOException;

/** The serial port as the bootloader client needs it: bytes both ways, the two modem lines, the speed. */
public interface SerialLine extends AutoCloseable {

    /** Sends all of {@code bytes}. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads what is available, waiting up to {@code timeoutMillis} for the first byte.
     *
     * @return the bytes read, empty when nothing arrived in time
     */
    byte[] read(long timeoutMillis) throws IOException;

    /** Drops bytes received but not yet read. */
    void discardInput() throws IOException;

    /** Sets DTR (on NodeMCU devkits: asserted pulls GPIO0 low). */
    void setDtr(boolean asserted) throws IOException;

    /** Sets RTS (on NodeMCU devkits: asserted holds the chip in reset). */
    void setRts(boolean asserted) throws IOException;

    /** Changes the local port speed. */
    void setBaud(int baud) throws IOException;

    /** The port's name, for messages. */
    String name();

    @Override
    void close() throws IOException;
}
