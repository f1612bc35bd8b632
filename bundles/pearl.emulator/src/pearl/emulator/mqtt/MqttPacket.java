package pearl.emulator.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One MQTT 3.1.1 control packet as read off the wire: the fixed header's type and flags and the
 * rest of the packet. Accessors decode the fields of the packets a client receives (CONNACK,
 * PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP).
 *
 * @param type  the packet type, 1..14 (see the constants)
 * @param flags the low four bits of the first byte (PUBLISH: dup, qos, retain)
 * @param body  the variable header and payload
 */
public record MqttPacket(int type, int flags, byte[] body) {

	public static final int CONNECT = 1;
	public static final int CONNACK = 2;
	public static final int PUBLISH = 3;
	public static final int PUBACK = 4;
	/** QoS 2, first answer to a PUBLISH: received. */
	public static final int PUBREC = 5;
	/** QoS 2, the sender's answer to PUBREC: release the message. */
	public static final int PUBREL = 6;
	/** QoS 2, last answer: the exchange is complete. */
	public static final int PUBCOMP = 7;
	public static final int SUBSCRIBE = 8;
	public static final int SUBACK = 9;
	public static final int UNSUBSCRIBE = 10;
	public static final int UNSUBACK = 11;
	public static final int PINGREQ = 12;
	public static final int PINGRESP = 13;
	public static final int DISCONNECT = 14;

	/** The longest remaining length four length bytes can say (268,435,455). */
	public static final int MAX_REMAINING = 268_435_455;

	/**
	 * Reads one packet; the remaining length is the spec's variable-length integer of up to four
	 * bytes, seven bits each, least significant first.
	 *
	 * @throws EOFException when the stream ends before a whole packet
	 */
	public static MqttPacket read(InputStream in) throws IOException {
		int first = in.read();
		if (first < 0) {
			throw new EOFException("connection closed");
		}
		int length = 0;
		for (int shift = 0;; shift += 7) {
			if (shift > 21) {
				throw new IOException("malformed remaining length");
			}
			int b = in.read();
			if (b < 0) {
				throw new EOFException("connection closed in a packet header");
			}
			length |= (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				break;
			}
		}
		byte[] body = in.readNBytes(length);
		if (body.length < length) {
			throw new EOFException("connection closed in a packet");
		}
		return new MqttPacket(first >>> 4, first & 0x0F, body);
	}

	/** CONNACK's return code (0 accepted, 1..5 refused). */
	public int connackCode() {
		return body[1] & 0xFF;
	}

	/** The packet identifier of PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK (the first two bytes). */
	public int packetId() {
		return u16(0);
	}

	/** PUBLISH: its quality of service, 0..2. */
	public int qos() {
		return (flags >> 1) & 3;
	}

	/** PUBLISH: whether this is a resend of a message the receiver may have seen (the DUP flag). */
	public boolean dup() {
		return (flags & 8) != 0;
	}

	/** PUBLISH: whether the broker sent a retained message. */
	public boolean retain() {
		return (flags & 1) != 0;
	}

	/** PUBLISH: the topic name. */
	public String topic() {
		return new String(body, 2, u16(0), StandardCharsets.UTF_8);
	}

	/** PUBLISH: the packet identifier (QoS 1 and 2 only), else 0. */
	public int publishId() {
		return qos() == 0 ? 0 : u16(2 + u16(0));
	}

	/** PUBLISH: the application message. */
	public byte[] payload() {
		int start = 2 + u16(0) + (qos() == 0 ? 0 : 2);
		return Arrays.copyOfRange(body, start, body.length);
	}

	/** SUBACK: the return codes, one per topic filter (0x80 = failure). */
	public int[] subackCodes() {
		int[] codes = new int[body.length - 2];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = body[2 + i] & 0xFF;
		}
		return codes;
	}

	/** The packet as bytes on the wire. */
	public byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
		out.write(type << 4 | flags);
		int length = body.length;
		do {
			int digit = length & 0x7F;
			length >>>= 7;
			out.write(length > 0 ? digit | 0x80 : digit);
		} while (length > 0);
		out.writeBytes(body);
		return out.toByteArray();
	}

	private int u16(int at) {
		return (body[at] & 0xFF) << 8 | body[at + 1] & 0xFF;
	}
}
