package pearl.device;

import java.nio.file.Files;
import java.nio.file.Path;

import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * Opens serial ports with jssc for every client of a board (the REPL, the ROM loader): 8N1, no
 * flow control, DTR/RTS left alone (raising them would reset a devkit), and one way of telling the
 * user why a port cannot be used. A port is open once per process too: a launch's console and a
 * view reading the same board would garble each other's bytes as two programs would.
 */
public final class SerialPortOpener {

    /** The ports this process has open, by name. */
    private static final java.util.Set<String> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SerialPortOpener() {
    }

    /** Closes a port {@link #open} opened, so that it can be opened again. */
    public static void close(SerialPort port) throws SerialPortException {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } finally {
            OPEN.remove(port.getPortName());
        }
    }

    /**
     * Opens {@code name} at {@code baud}.
     *
     * @throws SerialPortUnavailableException naming the port and why it cannot be used
     */
    public static SerialPort open(String name, int baud) throws SerialPortUnavailableException {
        // jssc reports a missing device as a generic failure on some systems, so look first
        if (name.startsWith("/") && !Files.exists(Path.of(name))) {
            throw new SerialPortUnavailableException(SerialPortUnavailableException.Reason.NO_SUCH_PORT, "no such port: " + name);
        }
        if (name.startsWith("/")) {
            java.util.List<PortHolders.Holder> holders = PortHolders.of(Path.of(name));
            if (!holders.isEmpty()) {
                throw busy(name, holders.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        if (!OPEN.add(name)) {
            throw busy(name, "Pearl already (a launch, a view or a command is using it)");
        }
        SerialPort port = new SerialPort(name);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            OPEN.remove(name);
            throw translate(name, e);
        }
        try {
            port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE, false, false);
            port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
        } catch (SerialPortException e) {
            try {
                close(port);
            } catch (SerialPortException ignored) {
                // the original failure is the one to report
            }
            throw translate(name, e);
        }
        return port;
    }

    private static SerialPortUnavailableException busy(String name, String holder) {
        return new SerialPortUnavailableException(SerialPortUnavailableException.Reason.BUSY,
                "port busy: " + name + " is open in " + holder + "; close it and retry");
    }

    private static SerialPortUnavailableException translate(String name, SerialPortException e) {
        String type = e.getExceptionType();
        if (SerialPortException.TYPE_PORT_NOT_FOUND.equals(type)) {
            return new SerialPortUnavailableException(SerialPortUnavailableException.Reason.NO_SUCH_PORT, "no such port: " + name);
        }
        if (SerialPortException.TYPE_PORT_BUSY.equals(type)) {
            return busy(name, "another program (a serial monitor?)");
        }
        if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) {
            return new SerialPortUnavailableException(SerialPortUnavailableException.Reason.PERMISSION_DENIED,
                    "permission denied: " + name + " (on Linux, add yourself to the 'dialout' group)");
        }
        return new SerialPortUnavailableException(SerialPortUnavailableException.Reason.OTHER, "cannot use " + name + ": " + type);
    }
}
