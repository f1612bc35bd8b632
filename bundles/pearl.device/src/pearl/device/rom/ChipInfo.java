package pearl.device.rom;

/**
 * What the loader revealed about the chip.
 *
 * @param name   "ESP8266"
 * @param mac    the station MAC address, {@code aa:bb:cc:dd:ee:ff}
 * @param chipId the chip id as {@code node.chipid()} reports it
 */
public record ChipInfo(String name, String mac, int chipId) {
}
