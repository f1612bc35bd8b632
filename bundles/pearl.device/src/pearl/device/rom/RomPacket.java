package pearl.device.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A command packet from host to chip, before SLIP framing: direction {@code 0x00}, opcode, 16-bit
 * data size, 32-bit checksum (only meaningful for the *_DATA commands), then the data. All fields
 * little-endian.
 *
 * @param opcode   the command byte (kept as a number so malformed packets can be represented)
 * @param checksum the checksum field, 0 for commands without one
 * @param data     the data field
 */
public record RomPacket(int opcode, int checksum, byte[] data) {

    /** Direction byte of a request. */
    public static final int REQUEST = 0x00;
    /** Size of the fixed header in front of the data. */
    public static final int HEADER = 8;

    /** A packet for {@code command} with {@code data}; the checksum is computed when the command has one. */
    public static RomPacket of(RomCommand command, byte[] data) {
        return new RomPacket(command.opcode(), 0, data);
    }

    /** A packet whose checksum field is {@code checksum} (for the *_DATA commands). */
    public static RomPacket withChecksum(RomCommand command, int checksum, byte[] data) {
        return new RomPacket(command.opcode(), checksum, data);
    }

    /** The unframed bytes. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) REQUEST).put((byte) opcode).putShort((short) data.length).putInt(checksum).put(data);
        return b.array();
    }

    /** The data field built from 32-bit little-endian words, as most commands take it. */
    public static byte[] words(int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    /** The {@code index}th little-endian 32-bit word of {@code bytes}. */
    public static int word(byte[] bytes, int index) {
        return ByteBuffer.wrap(bytes, 4 * index, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
