package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pearl.emulator.mqtt.MqttCodec;
import pearl.emulator.mqtt.MqttPacket;

/** MQTT 3.1.1 packets against the bytes the OASIS specification gives. */
class MqttCodecTest {

	private static byte[] bytes(int... values) {
		byte[] b = new byte[values.length];
		for (int i = 0; i < b.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

	private static MqttPacket read(byte[] wire) throws IOException {
		return MqttPacket.read(new ByteArrayInputStream(wire));
	}

	@Test
	void remainingLengthUsesTheSpecsVariableLengthEncoding() throws IOException {
		// table 2.4 of the specification: the boundaries of one to four length bytes
		int[][] cases = { { 0, 0x00 }, { 127, 0x7F }, { 128, 0x80, 0x01 }, { 16_383, 0xFF, 0x7F }, { 16_384, 0x80, 0x80, 0x01 },
				{ 2_097_152, 0x80, 0x80, 0x80, 0x01 } };
		for (int[] c : cases) {
			byte[] wire = new MqttPacket(MqttPacket.PUBLISH, 0, new byte[c[0]]).toBytes();
			byte[] header = java.util.Arrays.copyOfRange(wire, 1, c.length);
			int[] expected = java.util.Arrays.copyOfRange(c, 1, c.length);
			assertArrayEquals(bytes(expected), header, "length " + c[0]);
			assertEquals(c[0], read(wire).body().length);
		}
	}

	@Test
	void connectWithoutWillOrCredentials() {
		byte[] wire = MqttCodec.connect("pearl", new MqttCodec.ConnectOptions(60, true, null, null, null)).toBytes();
		assertArrayEquals(bytes(0x10, 17, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 5, 'p', 'e', 'a', 'r', 'l'), wire);
	}

	@Test
	void connectWithRetainedQos1WillUserAndPassword() {
		MqttCodec.Will will = new MqttCodec.Will("s", "x".getBytes(StandardCharsets.UTF_8), 1, true);
		byte[] wire = MqttCodec.connect("c", new MqttCodec.ConnectOptions(300, false, "u", "pw", will)).toBytes();
		assertArrayEquals(bytes(0x10, 26, 0, 4, 'M', 'Q', 'T', 'T', 4, 0xEC, 0x01, 0x2C, 0, 1, 'c', 0, 1, 's', 0, 1, 'x', 0, 1, 'u', 0, 2,
				'p', 'w'), wire);
	}

	@Test
	void publishSubscribeAndControlPackets() {
		assertArrayEquals(bytes(0x33, 9, 0, 3, 'a', '/', 'b', 0, 7, 'h', 'i'),
				MqttCodec.publish("a/b", "hi".getBytes(StandardCharsets.UTF_8), 1, true, 7).toBytes());
		assertArrayEquals(bytes(0x30, 5, 0, 1, 't', 'o', 'k'), MqttCodec.publish("t", "ok".getBytes(StandardCharsets.UTF_8), 0, false, 9).toBytes());
		Map<String, Integer> filters = new LinkedHashMap<>();
		filters.put("a/#", 1);
		filters.put("b", 0);
		assertArrayEquals(bytes(0x82, 12, 0, 2, 0, 3, 'a', '/', '#', 1, 0, 1, 'b', 0), MqttCodec.subscribe(2, filters).toBytes());
		assertArrayEquals(bytes(0xA2, 5, 0, 3, 0, 1, 'b'), MqttCodec.unsubscribe(3, List.of("b")).toBytes());
		assertArrayEquals(bytes(0x40, 2, 0x12, 0x34), MqttCodec.puback(0x1234).toBytes());
		assertArrayEquals(bytes(0xC0, 0), MqttCodec.pingreq().toBytes());
		assertArrayEquals(bytes(0xE0, 0), MqttCodec.disconnect().toBytes());
	}

	@Test
	void decodesWhatABrokerSends() throws IOException {
		MqttPacket connack = read(bytes(0x20, 2, 0, 5));
		assertEquals(MqttPacket.CONNACK, connack.type());
		assertEquals(5, connack.connackCode());
		MqttPacket publish = read(bytes(0x33, 9, 0, 3, 'a', '/', 'b', 0, 7, 'h', 'i'));
		assertEquals(MqttPacket.PUBLISH, publish.type());
		assertEquals("a/b", publish.topic());
		assertEquals(1, publish.qos());
		assertEquals(true, publish.retain());
		assertEquals(7, publish.publishId());
		assertEquals("hi", new String(publish.payload(), StandardCharsets.UTF_8));
		MqttPacket qos0 = read(bytes(0x30, 5, 0, 1, 't', 'o', 'k'));
		assertEquals("ok", new String(qos0.payload(), StandardCharsets.UTF_8));
		MqttPacket suback = read(bytes(0x90, 4, 0, 2, 1, 0x80));
		assertEquals(2, suback.packetId());
		assertArrayEquals(new int[] { 1, 0x80 }, suback.subackCodes());
		assertEquals(MqttPacket.PINGRESP, read(bytes(0xD0, 0)).type());
		assertThrows(EOFException.class, () -> read(bytes(0x30, 5, 0, 1)));
		assertThrows(IOException.class, () -> read(bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)));
	}

	@Test
	void qos2AcknowledgementsCarryThePacketIdentifierAndPubrelHasFlags0010() {
		assertArrayEquals(bytes(0x50, 2, 0x12, 0x34), MqttCodec.pubrec(0x1234).toBytes());
		assertArrayEquals(bytes(0x62, 2, 0x12, 0x34), MqttCodec.pubrel(0x1234).toBytes());
		assertArrayEquals(bytes(0x70, 2, 0x12, 0x34), MqttCodec.pubcomp(0x1234).toBytes());
	}
}
