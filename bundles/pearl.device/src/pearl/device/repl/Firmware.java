package pearl.device.repl;

/**
 * What a board's firmware offers the uploader, as probed at connect.
 *
 * @param luaVersion {@code _VERSION}: "Lua 5.1" or "Lua 5.3"
 * @param encoder    {@code encoder.fromBase64}/{@code toBase64} exist: base64 transfers
 * @param crypto     {@code crypto.fhash} exists: SHA-1 verification on the board
 * @param compile    {@code node.compile} exists
 * @param chipId     {@code node.chipid()}, names the board for remembered upload hashes
 */
public record Firmware(String luaVersion, boolean encoder, boolean crypto, boolean compile, String chipId) {

    /** The line that probes it; its output is parsed by {@link #parse}. */
    static final String PROBE = "print(_VERSION,encoder and encoder.fromBase64 and 1 or 0,crypto and crypto.fhash and 1 or 0,"
            + "node.compile and 1 or 0,node.chipid and node.chipid() or 0)";

    static Firmware parse(String output) throws DeviceException {
        String[] f = output.trim().split("\t");
        if (f.length != 5) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "unexpected answer to the firmware probe: " + output);
        }
        return new Firmware(f[0], f[1].equals("1"), f[2].equals("1"), f[3].equals("1"), f[4]);
    }
}
