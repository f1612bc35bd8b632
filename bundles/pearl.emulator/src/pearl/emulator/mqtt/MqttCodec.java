package pearl.emulator.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the MQTT 3.1.1 packets a client sends (OASIS MQTT Version 3.1.1, section 3). */
public final class MqttCodec {

	/** What CONNECT carries besides the client identifier. */
	public record ConnectOptions(int keepaliveSeconds, boolean cleanSession, String user, String password, Will will) {
	}

	/** The last will: published by the broker when the client's connection ends without DISCONNECT. */
	public record Will(String topic, byte[] message, int qos, boolean retain) {
	}

	private MqttCodec() {
	}

	/** CONNECT: protocol "MQTT" level 4, flags, keepalive, then client id, will, user name, password. */
	public static MqttPacket connect(String clientId, ConnectOptions o) {
		Body b = new Body();
		b.string("MQTT");
		b.out.write(4);
		int flags = o.cleanSession() ? 0x02 : 0;
		if (o.will() != null) {
			flags |= 0x04 | (o.will().qos() & 3) << 3 | (o.will().retain() ? 0x20 : 0);
		}
		if (o.user() != null) {
			flags |= 0x80;
			if (o.password() != null) {
				flags |= 0x40;
			}
		}
		b.out.write(flags);
		b.u16(o.keepaliveSeconds());
		b.string(clientId);
		if (o.will() != null) {
			b.string(o.will().topic());
			b.bytes(o.will().message());
		}
		if (o.user() != null) {
			b.string(o.user());
			if (o.password() != null) {
				b.string(o.password());
			}
		}
		return b.packet(MqttPacket.CONNECT, 0);
	}

	/** PUBLISH: topic, packet identifier when qos &gt; 0, payload. */
	public static MqttPacket publish(String topic, byte[] payload, int qos, boolean retain, int packetId) {
		Body b = new Body();
		b.string(topic);
		if (qos > 0) {
			b.u16(packetId);
		}
		b.out.writeBytes(payload);
		return b.packet(MqttPacket.PUBLISH, qos << 1 | (retain ? 1 : 0));
	}

	/** PUBACK for a received QoS 1 PUBLISH. */
	public static MqttPacket puback(int packetId) {
		return acknowledgement(MqttPacket.PUBACK, 0, packetId);
	}

	/** PUBREC: the first answer to a received QoS 2 PUBLISH. */
	public static MqttPacket pubrec(int packetId) {
		return acknowledgement(MqttPacket.PUBREC, 0, packetId);
	}

	/** PUBREL (fixed header flags 0010, as the specification requires): the sender's answer to PUBREC. */
	public static MqttPacket pubrel(int packetId) {
		return acknowledgement(MqttPacket.PUBREL, 2, packetId);
	}

	/** PUBCOMP: the receiver's answer to PUBREL, ending a QoS 2 exchange. */
	public static MqttPacket pubcomp(int packetId) {
		return acknowledgement(MqttPacket.PUBCOMP, 0, packetId);
	}

	/** The four acknowledgements share one shape: a fixed header and the packet identifier. */
	private static MqttPacket acknowledgement(int type, int flags, int packetId) {
		Body b = new Body();
		b.u16(packetId);
		return b.packet(type, flags);
	}

	/** SUBSCRIBE (fixed header flags 0010): packet identifier, then each topic filter and its qos. */
	public static MqttPacket subscribe(int packetId, Map<String, Integer> filters) {
		Body b = new Body();
		b.u16(packetId);
		filters.forEach((filter, qos) -> {
			b.string(filter);
			b.out.write(qos);
		});
		return b.packet(MqttPacket.SUBSCRIBE, 2);
	}

	/** UNSUBSCRIBE (flags 0010): packet identifier, then the topic filters. */
	public static MqttPacket unsubscribe(int packetId, Iterable<String> filters) {
		Body b = new Body();
		b.u16(packetId);
		filters.forEach(b::string);
		return b.packet(MqttPacket.UNSUBSCRIBE, 2);
	}

	/** PINGREQ: no body. */
	public static MqttPacket pingreq() {
		return new MqttPacket(MqttPacket.PINGREQ, 0, new byte[0]);
	}

	/** DISCONNECT: no body. */
	public static MqttPacket disconnect() {
		return new MqttPacket(MqttPacket.DISCONNECT, 0, new byte[0]);
	}

	/** A packet's body under construction: the spec's two-byte lengths and UTF-8 strings. */
	private static final class Body {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		void u16(int value) {
			out.write(value >> 8 & 0xFF);
			out.write(value & 0xFF);
		}

		void bytes(byte[] data) {
			u16(data.length);
			out.writeBytes(data);
		}

		void string(String s) {
			bytes(s.getBytes(StandardCharsets.UTF_8));
		}

		MqttPacket packet(int type, int flags) {
			return new MqttPacket(type, flags, out.toByteArray());
		}
	}
}
