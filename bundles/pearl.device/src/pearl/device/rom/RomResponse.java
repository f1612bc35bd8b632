package pearl.device.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A response from chip to host, before SLIP framing: direction {@code 0x01}, the request's opcode,
 * 16-bit size, 32-bit value (READ_REG's result), then data ending with the ESP8266 loader's two
 * status bytes (status 0 = ok, 1 = failed; then the error code).
 *
 * @param opcode  the opcode of the request this answers
 * @param value   the value field
 * @param payload the data before the status bytes (the MD5 digest, for example)
 * @param status  0 success, otherwise failure
 * @param error   the loader's error code when {@code status} is not 0
 */
public record RomResponse(int opcode, int value, byte[] payload, int status, int error) {

    /** Direction byte of a response. */
    public static final int DIRECTION = 0x01;
    /** Error code a ROM answers to a command it does not have ("invalid message format"). */
    public static final int ERROR_INVALID_MESSAGE = 0x05;
    /** Error code for a block whose data does not match its checksum. */
    public static final int ERROR_CHECKSUM = 0x07;

    /** A successful answer. */
    public static RomResponse ok(RomCommand command, int value, byte[] payload) {
        return new RomResponse(command.opcode(), value, payload, 0, 0);
    }

    /** A failed answer with the loader's error code. */
    public static RomResponse failed(int opcode, int error) {
        return new RomResponse(opcode, 0, new byte[0], 1, error);
    }

    /** Whether the loader reports success. */
    public boolean succeeded() {
        return status == 0;
    }

    /** The unframed bytes. */
    public byte[] toBytes() {
        int size = payload.length + 2;
        ByteBuffer b = ByteBuffer.allocate(RomPacket.HEADER + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) DIRECTION).put((byte) opcode).putShort((short) size).putInt(value).put(payload);
        b.put((byte) status).put((byte) error);
        return b.array();
    }

    /**
     * Reads a response from a frame's payload.
     *
     * @return the response, or {@code null} when the bytes are not a well-formed response (wrong
     *         direction, size field disagreeing with the length, no room for the status bytes)
     */
    public static RomResponse parse(byte[] frame) {
        if (frame.length < RomPacket.HEADER + 2 || (frame[0] & 0xFF) != DIRECTION) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int opcode = b.get(1) & 0xFF;
        int size = b.getShort(2) & 0xFFFF;
        if (size != frame.length - RomPacket.HEADER || size < 2) {
            return null;
        }
        int value = b.getInt(4);
        byte[] payload = Arrays.copyOfRange(frame, RomPacket.HEADER, frame.length - 2);
        return new RomResponse(opcode, value, payload, frame[frame.length - 2] & 0xFF, frame[frame.length - 1] & 0xFF);
    }

    /** A human description of a loader error code, from the ROM's table and Pearl's stub's (0xC0 up). */
    public static String describeError(int error) {
        return switch (error) {
            case 0x01 -> "invalid parameter";
            case 0x02 -> "malloc failed";
            case 0x03 -> "send failed";
            case 0x04 -> "receive failed";
            case 0x05 -> "invalid message format (or command not supported)";
            case 0x06 -> "result wrong";
            case 0x07 -> "checksum error";
            case 0x08 -> "flash write error";
            case 0x09 -> "flash read error";
            case 0x0A -> "read length error";
            case 0xC0 -> "stub: bad data length";
            case 0xC1 -> "stub: checksum error";
            case 0xC2 -> "stub: bad block (size, sequence or address)";
            case 0xC3 -> "stub: FLASH_DATA without FLASH_BEGIN";
            case 0xC4 -> "stub: flash read error";
            case 0xC5 -> "stub: malformed frame";
            case 0xC6 -> "stub: flash write error";
            case 0xFF -> "not implemented";
            default -> String.format("error 0x%02X", error);
        };
    }
}
