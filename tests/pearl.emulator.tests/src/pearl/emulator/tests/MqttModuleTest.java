package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A NodeMCU MQTT sensor program on the emulated board against a real Mosquitto broker on loopback. */
class MqttModuleTest {

	/** Joins Wi-Fi, then connects, publishes a retained reading and subscribes to its command topic. */
	private static String sensor(int port) {
		return """
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				m = mqtt.Client("pearl-sensor", 30)
				m:lwt("sensors/pearl/status", "offline", 0, 1)
				m:on("message", function(c, topic, data)
				  print("command", topic, data)
				  if data == "blink" then print("led blinking") end
				  if data == "restart" then node.restart() end
				  if data == "leave" then wifi.sta.disconnect() end
				end)
				m:on("offline", function(c) print("offline") end)
				print(pcall(m.publish, m, "early", "x", 0, 0))
				wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T)
				  print("got ip", tmr.now())
				  m:connect("127.0.0.1", %d, function(c)
				    print("mqtt connected", tmr.now())
				    c:publish("sensors/pearl/temperature", "21.5", 1, 1, function() print("published") end)
				    c:subscribe("cmd/pearl", 1, function() print("subscribed") end)
				  end, function(c, reason) print("connfail", reason) end)
				end)
				""".formatted(port);
	}

	@Test
	void sensorPublishesReadingAndReactsToCommand() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(sensor(broker.port));
			String out = b.run(5000);
			assertTrue(out.contains("false\tnot connected"), "publishing before connect: " + out);
			assertTrue(out.contains("published") && out.contains("subscribed"), out);
			long gotIp = micros(out, "got ip");
			long connected = micros(out, "mqtt connected");
			assertTrue(connected > gotIp && connected - gotIp < 100_000,
					"the CONNACK of a broker on the LAN comes within milliseconds of virtual time, not " + (connected - gotIp) + " us");
			assertEquals(List.of("sensors/pearl/temperature 21.5"), broker.receive("sensors/pearl/temperature", 1));

			broker.publish("cmd/pearl", "blink");
			runUntil(b, "led blinking");
			assertTrue(b.text().contains("command\tcmd/pearl\tblink"), b.text());
		}
	}

	@Test
	void brokerPublishesTheWillWhenTheBoardsConnectionDrops() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = subscribedSensor(broker);
			broker.publish("cmd/pearl", "restart");
			runUntil(b, "command\tcmd/pearl\trestart");
			b.run(100);
			assertEquals(1, b.reboots.size(), b.text());
			assertEquals(List.of("sensors/pearl/status offline"), broker.receive("sensors/pearl/status", 1),
					"the restart cut the connection without DISCONNECT");
		}
	}

	@Test
	void losingWifiTakesTheClientOffline() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = subscribedSensor(broker);
			broker.publish("cmd/pearl", "leave");
			runUntil(b, "offline");
			assertEquals(List.of("sensors/pearl/status offline"), broker.receive("sensors/pearl/status", 1), "the link went: no DISCONNECT");
		}
	}

	@Test
	void closeSendsDisconnectSoNoWill() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(sensor(broker.port) + """
					tmr.create():alarm(4000, tmr.ALARM_SINGLE, function() m:close() end)
					""");
			String out = b.run(5000);
			assertTrue(out.contains("subscribed") && out.contains("offline"), out);
			List<String> status = broker.receive("sensors/pearl/status", 1, 2);
			assertTrue(status.stream().noneMatch(l -> l.startsWith("sensors/pearl/status")), "DISCONNECT first: no will: " + status);
		}
	}

	@Test
	void offlineWhenTheBrokerGoesAway() throws Exception {
		TestBoards b;
		try (MosquittoBroker broker = new MosquittoBroker()) {
			b = subscribedSensor(broker);
		}
		runUntil(b, "offline");
	}

	@Test
	void connectFailsWithoutBrokerOrWithoutWifi() throws Exception {
		int port = MosquittoBroker.freePort();
		String out = new TestBoards(sensor(port)).run(5000);
		assertTrue(out.contains("connfail\t-5"), "nothing listens on " + port + ": " + out);
		assertTrue(!out.contains("mqtt connected"), out);

		String noWifi = new TestBoards("""
				wifi.setmode(wifi.STATION)
				m = mqtt.Client("pearl-sensor", 30)
				m:on("connfail", function(c, reason) print("connfail", reason, wifi.sta.status()) end)
				print("connect", m:connect("127.0.0.1", %d))
				print(pcall(m.connect, m, "127.0.0.1", 1883, true))
				""".formatted(port)).run(1000);
		assertTrue(noWifi.contains("connect\ttrue"), noWifi);
		assertTrue(noWifi.contains("connfail\t-5\t0"), "no Wi-Fi, no route: " + noWifi);
		assertTrue(noWifi.contains("false\talready connected") || noWifi.contains("false\tssl not available"), noWifi);
	}

	/** Connects like {@link #sensor}, then runs {@code onConnect} (with {@code c} the client) in the connect callback. */
	private static String connected(int port, String clientOptions, String onConnect) {
		return """
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				m = mqtt.Client("pearl-sensor", 30%s)
				m:on("message", function(c, topic, data) print("command", topic, data) end)
				wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T)
				  m:connect("127.0.0.1", %d, function(c)
				%s
				  end, function(c, reason) print("connfail", reason) end)
				end)
				""".formatted(clientOptions, port, onConnect);
	}

	@Test
	void qos2PublishRunsTheFourPacketExchangeAndCallsBackAtPubcomp() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(connected(broker.port, "", """
					c:publish("sensors/pearl/door", "open", 2, 1, function() print("published") end)
					"""));
			runUntil(b, "published");
			b.run(1000);
			assertEquals(1, count(b.text(), "published"), b.text());
			assertEquals(List.of("sensors/pearl/door open"), broker.receive("sensors/pearl/door", 1));
			String log = broker.log();
			assertTrue(log.matches("(?s).*Received PUBLISH from pearl-sensor \\(d0, q2, r1, m1, 'sensors/pearl/door'.*"), log);
			assertTrue(log.contains("Sending PUBREC to pearl-sensor (m1"), log);
			assertTrue(log.contains("Received PUBREL from pearl-sensor (Mid: 1)"), "the board answered PUBREC with PUBREL: " + log);
			assertTrue(log.contains("Sending PUBCOMP to pearl-sensor (m1"), log);
		}
	}

	@Test
	void qos2MessageFromTheBrokerIsDeliveredOnceAndCompleted() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(connected(broker.port, "", """
					c:subscribe({["cmd/pearl"] = 2, ["cmd/all"] = 1}, function() print("subscribed") end)
					"""));
			runUntil(b, "subscribed");
			broker.publish("cmd/pearl", "open", 2);
			runUntil(b, "command\tcmd/pearl\topen");
			b.run(1000);
			assertEquals(1, count(b.text(), "command\tcmd/pearl\topen"), b.text());
			String log = broker.log();
			assertTrue(log.contains("Sending PUBLISH to pearl-sensor (d0, q2"), "granted QoS 2, the broker sends at QoS 2: " + log);
			assertTrue(log.contains("Received PUBREC from pearl-sensor (Mid: 1)"), log);
			assertTrue(log.contains("Received PUBCOMP from pearl-sensor (Mid: 1"), "the board answered PUBREL with PUBCOMP: " + log);
		}
	}

	@Test
	void queuedPublishesHoldTheirBytesOnTheHeapUntilAcknowledged() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(connected(broker.port, "", """
					big = string.rep("x", 8000) -- kept, so only the queue changes the heap
					local before = node.heap()
					c:publish("sensors/pearl/log", big, 1, 0, function() print("freed", node.heap() - queued) end)
					print("held", before - node.heap())
					for i = 2, 6 do print("publish", i, pcall(c.publish, c, "sensors/pearl/log", big, 2, 0)) end
					queued = node.heap()
					"""));
			runUntil(b, "freed");
			String out = b.run(2000);
			Matcher held = Pattern.compile("held\t(\\d+)").matcher(out);
			assertTrue(held.find(), out);
			assertTrue(Integer.parseInt(held.group(1)) >= 8000 + "sensors/pearl/log".length(), "topic and payload wait in the queue: " + out);
			Matcher freed = Pattern.compile("freed\t(-?\\d+)").matcher(out);
			assertTrue(freed.find() && Math.abs(Integer.parseInt(freed.group(1)) - 8000) < 500, "PUBACK frees the first queued message: " + out);
			assertTrue(out.contains("publish\t2\ttrue"), out);
			assertTrue(out.contains("\tfalse\tnot enough memory"), "six 8 KB messages do not fit in the board's heap at once: " + out);
			int accepted = 1 + count(out, "\ttrue\ttrue");
			assertEquals(accepted, count(broker.log(), "Received PUBLISH from pearl-sensor"), "what was queued still goes, one after another");
		}
	}

	@Test
	void aReceivedMessageIsHeldOnTheHeapWhileItsCallbackRuns() throws Exception {
		try (MosquittoBroker broker = new MosquittoBroker()) {
			TestBoards b = new TestBoards(connected(broker.port, ", nil, nil, 1, 10000", """
					c:subscribe("cmd/pearl", 1, function() print("subscribed") end)
					""") + """
					m:on("message", function(c, topic, data)
					  inside = node.heap()
					  tmr.create():alarm(10, tmr.ALARM_SINGLE, function() print("in callback", #data, node.heap() - inside) end)
					end)
					""");
			runUntil(b, "subscribed");
			broker.publish("cmd/pearl", "y".repeat(6000));
			runUntil(b, "in callback");
			Matcher m = Pattern.compile("in callback\t6000\t(\\d+)").matcher(b.text());
			assertTrue(m.find(), b.text());
			// the callback's own data string lives on in the timer's closure; what the firmware held is freed
			assertTrue(Integer.parseInt(m.group(1)) > 5500, "the received topic and payload were held until the callback returned: " + b.text());
		}
	}

	/** A board running {@link #sensor} for 5 s: connected and subscribed. */
	private static TestBoards subscribedSensor(MosquittoBroker broker) {
		TestBoards b = new TestBoards(sensor(broker.port));
		b.run(5000);
		assertTrue(b.text().contains("subscribed"), b.text());
		return b;
	}

	/** Runs the board in 100 ms steps until the UART shows {@code text}, for up to 20 s of real time. */
	private static void runUntil(TestBoards b, String text) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (!b.text().contains(text)) {
			if (System.currentTimeMillis() > deadline) {
				fail("no '" + text + "' on the UART: " + b.text());
			}
			b.run(100);
		}
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static long micros(String out, String label) {
		Matcher m = Pattern.compile(label + "\t(\\d+)").matcher(out);
		assertTrue(m.find(), label + " missing: " + out);
		return Long.parseLong(m.group(1));
	}
}
