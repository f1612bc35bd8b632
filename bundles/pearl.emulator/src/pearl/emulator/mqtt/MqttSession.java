package pearl.emulator.mqtt;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import pearl.emulator.BoardTimer;
import pearl.emulator.HostIo;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.Task;
import pearl.emulator.TimerMode;

/**
 * An MQTT client's protocol state on the board's thread: connecting, packet identifiers and the
 * acknowledgements they wait for, keepalive pings in virtual time. What the broker sends arrives
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

		void message(String topic, byte[] payload);

		void acknowledged(int packetType, int packetId);

		void offline();
	}

	private enum State {
		IDLE, CONNECTING, CONNECTED
	}

	private final Scheduler scheduler;
	private final Handler handler;
	private MqttConnection connection;
	private State state = State.IDLE;
	private int nextId = 1;
	/** Expected answers of this session (so closing settles them). */
	private int expected;
	private BoardTimer timer;
	/** Counts connections, so that a closed one's late arrivals are ignored. */
	private int generation;

	public MqttSession(Scheduler scheduler, Handler handler) {
		this.scheduler = scheduler;
		this.handler = handler;
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
		case MqttPacket.PUBLISH -> {
			if (packet.qos() == 1) {
				connection.send(MqttCodec.puback(packet.publishId()));
			}
			handler.message(packet.topic(), packet.payload());
		}
		case MqttPacket.PUBACK, MqttPacket.SUBACK, MqttPacket.UNSUBACK -> {
			settle(1);
			handler.acknowledged(packet.type(), packet.packetId());
		}
		case MqttPacket.PINGRESP -> settle(1);
		default -> {
			// nothing else is sent to a client at QoS 0 and 1
		}
		}
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

	/** Publishes; returns the packet identifier (0 at QoS 0), whose PUBACK the handler hears. */
	public int publish(String topic, byte[] payload, int qos, boolean retain) {
		int id = qos > 0 ? nextId() : 0;
		if (qos > 0) {
			expect();
		}
		connection.send(MqttCodec.publish(topic, payload, qos, retain, id));
		return id;
	}

	/** Subscribes to the filters (each with its qos); returns the packet identifier SUBACK carries. */
	public int subscribe(Map<String, Integer> filters) {
		int id = nextId();
		expect();
		connection.send(MqttCodec.subscribe(id, filters));
		return id;
	}

	/** Unsubscribes; returns the packet identifier UNSUBACK carries. */
	public int unsubscribe(List<String> filters) {
		int id = nextId();
		expect();
		connection.send(MqttCodec.unsubscribe(id, filters));
		return id;
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
