package pearl.device.repl;


import jssc.SerialPort;
import jssc.SerialPortException;

import pearl.device.SerialPortOpener;
import pearl.device.SerialPortUnavailableException;

/** A {@link Link} over a serial port opened with jssc (a USB-UART, or a pseudo-terminal in tests). */
public final class SerialLink implements Link {

    /** NodeMCU's REPL speed. */
    public static final int DEFAULT_BAUD = 115200;

    private final SerialPort port;

    private SerialLink(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens {@code device} at {@code baud}, 8N1, without touching DTR/RTS (raising them would
     * reset a devkit on every connect).
     *
     * @throws DeviceException {@link DeviceException.Kind#NO_SUCH_PORT} or
     *                         {@link DeviceException.Kind#PORT_BUSY} with a message naming the port
     */
    public static SerialLink open(String device, int baud) throws DeviceException {
        try {
            return new SerialLink(SerialPortOpener.open(device, baud));
        } catch (SerialPortUnavailableException e) {
            throw switch (e.reason()) {
                case NO_SUCH_PORT -> new DeviceException(DeviceException.Kind.NO_SUCH_PORT, e.getMessage() + available(), e);
                case BUSY -> new DeviceException(DeviceException.Kind.PORT_BUSY, e.getMessage(), e);
                default -> new DeviceException(DeviceException.Kind.IO, e.getMessage(), e);
            };
        }
    }

    private static String available() {
        java.util.List<String> ports = pearl.device.SerialPorts.present();
        return ports.isEmpty() ? " (no serial ports found)" : " (present: " + String.join(", ", ports) + ")";
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        try {
            if (!port.writeBytes(bytes)) {
                throw new DeviceException(DeviceException.Kind.IO, "writing to " + port.getPortName() + " failed");
            }
        } catch (SerialPortException e) {
            throw new DeviceException(DeviceException.Kind.IO, port.getPortName() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public byte[] read(int millis) throws DeviceException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try {
            while (true) {
                int n = port.getInputBufferBytesCount();
                if (n > 0) {
                    byte[] bytes = port.readBytes(n);
                    return bytes == null ? new byte[0] : bytes;
                }
                if (System.nanoTime() >= deadline) {
                    return new byte[0];
                }
                Thread.sleep(1);
            }
        } catch (SerialPortException e) {
            throw new DeviceException(DeviceException.Kind.IO, port.getPortName() + ": " + e.getExceptionType(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.IO, "interrupted", e);
        }
    }

    @Override
    public boolean pulseReset() throws DeviceException {
        try {
            // DTR low keeps GPIO0 high: the chip boots the firmware, not the ROM loader
            boolean ok = port.setDTR(false) && port.setRTS(true);
            Thread.sleep(100);
            return port.setRTS(false) && ok;
        } catch (SerialPortException e) {
            return false; // a pseudo-terminal has no modem lines
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The port's name, as opened. */
    public String name() {
        return port.getPortName();
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            SerialPortOpener.close(port);
        } catch (SerialPortException e) {
            // closing a port that went away: nothing left to release
        }
    }
}
