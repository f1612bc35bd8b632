package pearl.device;

import java.nio.file.Files;
import java.nio.file.Path;

import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * Opens serial ports with jssc for every client of a board (the REPL, the ROM loader): 8N1, no
 * flow control, DTR/RTS left alone (raising them would reset a devkit), and one way of telling the
 * user why a port cannot be used.
 */
public final class SerialPortOpener {

    private SerialPortOpener() {
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
        SerialPort port = new SerialPort(name);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw translate(name, e);
        }
        try {
            port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE, false, false);
            port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
        } catch (SerialPortException e) {
            try {
                port.closePort();
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
