package pearl.device;

import java.util.List;

import jssc.SerialPortList;

/** The serial ports present on this machine, as jssc finds them ({@code /dev/ttyUSB0}, {@code COM3}). */
public final class SerialPorts {

    private SerialPorts() {
    }

    /** The names of the serial ports present, sorted. */
    public static List<String> present() {
        return java.util.Arrays.stream(SerialPortList.getPortNames()).sorted().distinct().toList();
    }
}
