package pearl.device.rom;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jssc.SerialPort;
import jssc.SerialPortException;

import pearl.device.SerialPortOpener;
import pearl.device.SerialPortUnavailableException;

/** A {@link SerialLine} on a real port through jssc, 8N1, no flow control. */
public final class JsscSerialLine implements SerialLine {

    private final SerialPort port;

    private JsscSerialLine(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens {@code name} at {@code baud}.
     *
     * @throws SerialPortUnavailableException naming the port and why it cannot be used
     */
    public static JsscSerialLine open(String name, int baud) throws SerialPortUnavailableException {
        return new JsscSerialLine(SerialPortOpener.open(name, baud));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        try {
            if (!port.writeBytes(bytes)) {
                throw new IOException("write to " + port.getPortName() + " failed");
            }
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (true) {
                int available = port.getInputBufferBytesCount();
                if (available > 0) {
                    return port.readBytes(available);
                }
                if (System.nanoTime() >= deadline) {
                    return new byte[0];
                }
                // A short park keeps a round trip on a fast line well under a millisecond of
                // added latency without spinning a core.
                LockSupport.parkNanos(100_000);
            }
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void discardInput() throws IOException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void setDtr(boolean asserted) throws IOException {
        try {
            port.setDTR(asserted);
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void setRts(boolean asserted) throws IOException {
        try {
            port.setRTS(asserted);
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void setBaud(int baud) throws IOException {
        try {
            port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE, false, false);
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return port.getPortName();
    }

    @Override
    public void close() throws IOException {
        try {
            SerialPortOpener.close(port);
        } catch (SerialPortException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
