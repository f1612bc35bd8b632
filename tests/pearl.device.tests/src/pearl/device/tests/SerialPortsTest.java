package pearl.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.device.SerialPorts;

class SerialPortsTest {

    @Test
    void portsAreListedSortedAndWithoutDuplicates() {
        List<String> ports = SerialPorts.present();
        List<String> sorted = new ArrayList<>(ports);
        sorted.sort(null);
        assertEquals(sorted, ports);
        assertEquals(ports.size(), ports.stream().distinct().count());
    }
}
