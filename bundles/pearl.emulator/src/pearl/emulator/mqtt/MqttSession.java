package pearl.emulator.mqtt;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import pearl.emulator.BoardTimer;
import pearl.emulator.HostIo;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.Task;
import pearl.emulator.TimerMode;

/**
 * An MQTT client's protocol state on the board's thread: connecting, the queue of outgoing packets
 * ({@link MqttOutbox}, one on the wire at a time as in the firmware) and the acknowledgements they
 * wait for, the QoS 1 and 2 answers to what the broker publishes, keepalive pings in virtual time. What the broker sends arrives
 * through the scheduler's {@link HostIo} as tasks; each answer the client waits for is
 * {@link HostIo#expect expected}, so virtual time waits for the broker. The firmware's events go
 * to a {@link Handler}.
 */
public final class MqttSession {

	/** The firmware's connect failure reasons (mqtt.CONN_FAIL_*). */
	public static final int FAIL_SERVER_NOT_FOUND = -5, FAIL_NOT_A_CONNACK = -4, FAIL_DNS = -3, FAIL_TIMEOUT_RECEIVING = -2;
	/** Virtual time to wait for CONNACK before giving up. */
	public static final long CONNACK_TIMEOUT_MILLIS = 10_000;

	/** The firmware's MQTT events, on the board's thread. */
	public interface Handler {
		void connected();

		void connectFailed(int reason);

		/**
		 * A message arrived (a QoS 2 one once only, however often the broker sends it before
		 * PUBREL).
		 */
		void message(String topic, byte[] payload);

		void offline();
	}

	private enum State {
		IDLE, CONNECTING, CONNECTED
	}

	private final Scheduler scheduler;
	private final Handler handler;
	private final LongConsumer heap;
	private final MqttOutbox outbox = new MqttOutbox();
	/** Identifiers of QoS 2 messages received and answered with PUBREC, until the broker's PUBREL. */
	private final Set<Integer> awaitingRelease = new HashSet<>();
	private MqttConnection connection;
	private State state = State.IDLE;
	private int nextId = 1;
	/** Expected answers of this session (so closing settles them). */
	private int expected;
	private BoardTimer timer;
	/** Counts connections, so that a closed one's late arrivals are ignored. */
	private int generation;

	/**
	 * A session whose events go to {@code handler}; each packet it queues is first charged to the
	 * board's heap through {@code heap}, which throws when the bytes do not fit.
	 */
	public MqttSession(Scheduler scheduler, Handler handler, LongConsumer heap) {
		this.scheduler = scheduler;
		this.handler = handler;
		this.heap = heap;
	}

	/** What the queued outgoing packets hold on the board's heap. */
	public long queuedBytes() {
		return outbox.heapBytes();
	}

	/** Whether a connection is being made or is up. */
	public boolean isActive() {
		return state != State.IDLE;
	}

	/** Whether the broker accepted the connection. */
	public boolean isConnected() {
		return state == State.CONNECTED;
	}

	/** Connects to a broker on the host; the handler hears {@code connected} or {@code connectFailed}. */
	public void connect(String host, int port, String clientId, MqttCodec.ConnectOptions options) {
		state = State.CONNECTING;
		expect();
		int keepalive = options.keepaliveSeconds();
		int mine = ++generation;
		connection = MqttConnection.open(host, port, MqttCodec.connect(clientId, options), new MqttConnection.Listener() {
			@Override
			public void unreachable(IOException cause) {
				arrive(mine, "mqtt connect", () -> failed(cause instanceof UnknownHostException ? FAIL_DNS : FAIL_SERVER_NOT_FOUND));
			}

			@Override
			public void received(MqttPacket packet) {
				arrive(mine, "mqtt receive", () -> receive(packet, keepalive));
			}

			@Override
			public void lost(IOException cause) {
				arrive(mine, "mqtt disconnect", MqttSession.this::connectionLost);
			}
		});
		timer = scheduler.createTimer();
		timer.alarm(CONNACK_TIMEOUT_MILLIS, TimerMode.SINGLE, t -> failed(FAIL_TIMEOUT_RECEIVING));
	}

	/** A connection only delivers to the session while it is the session's current one. */
	private void arrive(int connectionNumber, String source, Runnable work) {
		scheduler.hostIo().arrive(new Task(Priority.MEDIUM, source, () -> {
			if (generation == connectionNumber && state != State.IDLE) {
				work.run();
			}
		}));
	}

	private void receive(MqttPacket packet, int keepalive) {
		if (state == State.CONNECTING) {
			settle(1);
			stopTimer();
			if (packet.type() != MqttPacket.CONNACK) {
				failed(FAIL_NOT_A_CONNACK);
			} else if (packet.connackCode() != 0) {
				failed(packet.connackCode());
			} else {
				state = State.CONNECTED;
				startKeepalive(keepalive);
				handler.connected();
			}
			return;
		}
		switch (packet.type()) {
		case MqttPacket.PUBLISH -> received(packet);
		case MqttPacket.PUBREL -> {
			// the broker releases a QoS 2 message: from now on the same identifier is a new message
			if (awaitingRelease.remove(packet.packetId())) {
				settle(1);
			}
			connection.send(MqttCodec.pubcomp(packet.packetId()));
		}
		case MqttPacket.PUBACK, MqttPacket.PUBREC, MqttPacket.PUBCOMP, MqttPacket.SUBACK, MqttPacket.UNSUBACK -> answered(packet);
		case MqttPacket.PINGRESP -> settle(1);
		default -> {
			// nothing else is sent to a client
		}
		}
	}

	/** A PUBLISH from the broker: acknowledged as its QoS asks, and handed on once. */
	private void received(MqttPacket packet) {
		int id = packet.publishId();
		switch (packet.qos()) {
		case 1 -> connection.send(MqttCodec.puback(id));
		case 2 -> {
			connection.send(MqttCodec.pubrec(id));
			if (!awaitingRelease.add(id)) {
				return; // a resend of a message already handed on: PUBREC again, no second delivery
			}
			expect(); // the broker's PUBREL
		}
		default -> {
			// QoS 0: no answer
		}
		}
		handler.message(packet.topic(), packet.payload());
	}

	/** An answer to the packet on the wire: its exchange goes on or is complete, and the next packet goes. */
	private void answered(MqttPacket answer) {
		MqttOutbox.Entry head = outbox.waitingFor(answer.type(), answer.packetId());
		if (head == null) {
			return; // not what the head waits for (a stray or late answer): the firmware ignores it
		}
		settle(1);
		if (answer.type() == MqttPacket.PUBREC) {
			// the message itself is freed; its PUBREL takes its place at the head of the queue
			outbox.replaceHead(new MqttOutbox.Entry(MqttCodec.pubrel(head.packetId()), head.packetId(), MqttPacket.PUBCOMP, head.done()));
		} else {
			outbox.removeHead();
			head.done().run();
		}
		sendQueued();
	}

	/** Sends the head of the queue if it is not on the wire yet, and whatever needs no answer after it. */
	private void sendQueued() {
		for (MqttOutbox.Entry e = outbox.takeUnsentHead(); e != null; e = outbox.takeUnsentHead()) {
			connection.send(e.packet());
			if (e.answer() != 0) {
				expect();
				return;
			}
			outbox.removeHead();
			e.done().run();
		}
	}

	private void enqueue(MqttOutbox.Entry entry) {
		heap.accept(entry.heapBytes());
		outbox.add(entry);
		sendQueued();
	}

	private void startKeepalive(int seconds) {
		if (seconds <= 0) {
			return;
		}
		timer = scheduler.createTimer();
		timer.alarm(seconds * 1000L, TimerMode.AUTO, t -> {
			expect();
			connection.send(MqttCodec.pingreq());
		});
	}

	/**
	 * Queues a PUBLISH; {@code done} runs when its exchange is complete: once sent at QoS 0, at
	 * PUBACK at QoS 1, at PUBCOMP at QoS 2.
	 */
	public void publish(String topic, byte[] payload, int qos, boolean retain, Runnable done) {
		int id = qos > 0 ? nextId() : 0;
		int answer = switch (qos) {
		case 1 -> MqttPacket.PUBACK;
		case 2 -> MqttPacket.PUBREC;
		default -> 0;
		};
		enqueue(new MqttOutbox.Entry(MqttCodec.publish(topic, payload, qos, retain, id), id, answer, done));
	}

	/** Queues a SUBSCRIBE to the filters (each with its qos); {@code done} runs at its SUBACK. */
	public void subscribe(Map<String, Integer> filters, Runnable done) {
		int id = nextId();
		enqueue(new MqttOutbox.Entry(MqttCodec.subscribe(id, filters), id, MqttPacket.SUBACK, done));
	}

	/** Queues an UNSUBSCRIBE; {@code done} runs at its UNSUBACK. */
	public void unsubscribe(List<String> filters, Runnable done) {
		int id = nextId();
		enqueue(new MqttOutbox.Entry(MqttCodec.unsubscribe(id, filters), id, MqttPacket.UNSUBACK, done));
	}

	/** {@code client:close()}: DISCONNECT (so no will), then the socket closes; the handler hears offline. */
	public void close() {
		if (state == State.CONNECTED) {
			connection.send(MqttCodec.disconnect());
		}
		boolean wasActive = isActive();
		end();
		if (wasActive) {
			handler.offline();
		}
	}

	/** The board lost power or its link: the socket just closes, so the broker publishes the will. */
	public void drop() {
		end();
	}

	/** The connection broke (the broker closed it, or the board's link went): offline, or a failed connect. */
	public void connectionLost() {
		if (!isActive()) {
			return;
		}
		boolean wasConnected = isConnected();
		end();
		if (wasConnected) {
			handler.offline();
		} else {
			handler.connectFailed(FAIL_SERVER_NOT_FOUND);
		}
	}

	private void failed(int reason) {
		end();
		handler.connectFailed(reason);
	}

	private void end() {
		generation++;
		stopTimer();
		if (connection != null) {
			connection.close();
			connection = null;
		}
		settle(expected);
		outbox.clear();
		awaitingRelease.clear();
		state = State.IDLE;
	}

	private void stopTimer() {
		if (timer != null) {
			timer.unregister();
			timer = null;
		}
	}

	private void expect() {
		expected++;
		scheduler.hostIo().expect();
	}

	private void settle(int count) {
		int n = Math.min(count, expected);
		expected -= n;
		scheduler.hostIo().settle(n);
	}

	private int nextId() {
		int id = nextId;
		nextId = nextId % 65535 + 1;
		return id;
	}
}
