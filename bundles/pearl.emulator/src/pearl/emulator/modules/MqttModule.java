package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkOption;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;
import static pearl.emulator.lua.LuaArgs.optString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.Priority;
import pearl.emulator.heap.HeapSized;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaMemoryError;
import pearl.emulator.lua.RomTable;
import pearl.emulator.mqtt.MqttCodec;
import pearl.emulator.mqtt.MqttSession;

/**
 * {@code mqtt}: MQTT 3.1.1 clients ({@code mqtt.Client}) that talk to a real broker on the host
 * through {@link MqttSession}. As on the board, the network goes over Wi-Fi: without an address
 * from {@code wifi} a connect fails with {@code mqtt.CONN_FAIL_SERVER_NOT_FOUND}, and losing the
 * link drops the connection (the broker then publishes the will). A reboot drops every
 * connection the same way, as a power cut would. There is no TLS: {@code secure} gives
 * {@code ssl not available}. Publishes and subscriptions go at QoS 0, 1 or 2 with the full
 * exchanges of each, one queued packet on the wire at a time as in the firmware; a publish's
 * callback ({@code puback}) runs once the packet is sent at QoS 0, at PUBACK at QoS 1 and at
 * PUBCOMP at QoS 2. Queued packets and a received message held for its callback take board heap,
 * so a burst of large publishes can fail with {@code not enough memory}.
 */
public final class MqttModule implements FirmwareModule {

	private static final String[] EVENTS = { "connect", "connfail", "suback", "unsuback", "puback", "message", "overflow", "offline" };
	private static final int DEFAULT_PORT = 1883;
	/** Bytes of the firmware's client struct (connection, settings, callback references, buffers' pointers). */
	private static final int CLIENT_BYTES = 96;

	private final WifiModule wifi;
	/** Sessions of the current boot; a reboot drops them. */
	private final List<MqttSession> sessions = new ArrayList<>();

	/** The module over {@code wifi}'s station. */
	public MqttModule(WifiModule wifi) {
		this.wifi = wifi;
	}

	@Override
	public String name() {
		return "mqtt";
	}

	@Override
	public void define(RomTable mqtt, Board board) {
		sessions.forEach(MqttSession::drop);
		sessions.clear();
		RomTable methods = new RomTable("mqtt.client");
		methods.rawset(LuaValue.INDEX, methods);
		LibraryFunction.define(methods, "lwt", args -> {
			Client c = client(args);
			if (!args.arg(2).isstring()) {
				throw new LuaError("need lwt topic");
			}
			if (!args.arg(3).isstring()) {
				throw new LuaError("need lwt message");
			}
			c.will = new MqttCodec.Will(args.arg(2).tojstring(), bytesOf(args.arg(3).checkstring()), qos(optInt(args, 4, 0)),
					optInt(args, 5, 0) != 0);
			return LuaValue.NONE;
		});
		LibraryFunction.define(methods, "on", args -> {
			Client c = client(args);
			String event = EVENTS[checkOption(args, 2, null, EVENTS)];
			LuaValue fn = args.arg(3);
			if (!fn.isnil() && !fn.isfunction()) {
				throw LuaArgs.typeError(args, 3, "function");
			}
			c.callbacks.rawset(event, fn);
			return LuaValue.NONE;
		});
		LibraryFunction.define(methods, "connect", args -> client(args).connect(board, args));
		LibraryFunction.define(methods, "close", args -> {
			client(args).session.close();
			return LuaValue.TRUE;
		});
		LibraryFunction.define(methods, "publish", args -> {
			Client c = client(args).requireConnected();
			if (!args.arg(2).isstring()) {
				throw new LuaError("need topic");
			}
			LuaString topic = args.arg(2).checkstring();
			LuaString payload = checkString(args, 3);
			int qos = qos(checkInt(args, 4));
			boolean retain = checkInt(args, 5) != 0;
			LuaValue fn = args.arg(6);
			LuaValue callback = fn.isfunction() ? fn : LuaValue.NIL;
			c.session.publish(topic.tojstring(), bytesOf(payload), qos, retain, () -> {
				LuaValue cb = callback.isfunction() ? callback : c.callbacks.rawget("puback");
				if (!cb.isfunction()) {
					return;
				}
				if (qos == 0) {
					// sent is all there is at QoS 0: the firmware calls back from the sent event, a task of its own
					board.post(Priority.MEDIUM, "mqtt puback", cb, c.userdata);
				} else {
					board.call(cb, c.userdata); // inside the task that received PUBACK or PUBCOMP
				}
			});
			return LuaValue.TRUE;
		});
		LibraryFunction.define(methods, "subscribe", args -> {
			Client c = client(args).requireConnected();
			Map<String, Integer> filters = new LinkedHashMap<>();
			LuaValue fn;
			if (args.arg(2).istable()) {
				LuaTable t = args.arg(2).checktable();
				for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
					filters.put(k.tojstring(), qos(t.get(k).toint()));
				}
				if (filters.isEmpty()) {
					throw new LuaError("no topics found");
				}
				fn = args.arg(3);
			} else {
				if (!args.arg(2).isstring()) {
					throw new LuaError("need topic name");
				}
				filters.put(args.arg(2).tojstring(), qos(optInt(args, 3, 0)));
				fn = args.arg(4);
			}
			c.session.subscribe(filters, c.acknowledgement("suback", fn));
			return LuaValue.TRUE;
		});
		LibraryFunction.define(methods, "unsubscribe", args -> {
			Client c = client(args).requireConnected();
			List<String> filters = new ArrayList<>();
			if (args.arg(2).istable()) {
				LuaTable t = args.arg(2).checktable();
				for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
					filters.add(k.tojstring());
				}
				if (filters.isEmpty()) {
					throw new LuaError("no topics found");
				}
			} else if (args.arg(2).isstring()) {
				filters.add(args.arg(2).tojstring());
			} else {
				throw new LuaError("need topic name");
			}
			c.session.unsubscribe(filters, c.acknowledgement("unsuback", args.arg(3)));
			return LuaValue.TRUE;
		});
		methods.seal();

		LibraryFunction.define(mqtt, "Client", args -> {
			Client c = new Client(board, checkString(args, 1).tojstring(), checkInt(args, 2));
			c.user = optString(args, 3, null);
			c.password = optString(args, 4, null);
			c.cleanSession = optInt(args, 5, 1) != 0;
			c.maxMessage = optInt(args, 6, 1024);
			c.userdata = new LuaUserdata(c, methods);
			return c.userdata;
		});
	}

	/** A QoS argument as the packet carries it: its two low bits (3 is not a QoS; brokers refuse it). */
	private static int qos(int n) {
		return Math.max(0, Math.min(2, n));
	}

	private static byte[] bytesOf(LuaString s) {
		byte[] bytes = new byte[s.length()];
		s.copyInto(0, bytes, 0, bytes.length);
		return bytes;
	}

	private static Client client(Varargs args) {
		if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof Client c) {
			return c;
		}
		throw LuaArgs.typeError(args, 1, "mqtt.client");
	}

	/**
	 * One {@code mqtt.client}: its settings, callbacks and session. On the heap it holds its
	 * struct, the packets queued to send, and a received message while its callback runs.
	 */
	private final class Client implements MqttSession.Handler, HeapSized {
		final Board board;
		final String clientId;
		final int keepalive;
		final LuaTable callbacks = new LuaTable();
		final MqttSession session;
		/** Bytes of received messages held for the {@code message} callback. */
		long receivedBytes;
		LuaUserdata userdata;
		LuaString user;
		LuaString password;
		boolean cleanSession;
		int maxMessage;
		MqttCodec.Will will;

		Client(Board board, String clientId, int keepalive) {
			this.board = board;
			this.clientId = clientId;
			this.keepalive = keepalive;
			this.session = new MqttSession(board.scheduler(), this, bytes -> ModuleAllocations.charge(board, bytes));
			sessions.add(session);
			if (wifi.station() != null) {
				// TCP over a link that went away: the connection is lost (the broker then publishes the will)
				wifi.station().onLinkLost(session::connectionLost);
			}
		}

		Client requireConnected() {
			if (!session.isConnected()) {
				throw new LuaError("not connected");
			}
			return this;
		}

		/** {@code connect(host[, port[, secure]][, conn_cb[, fail_cb]])}. */
		Varargs connect(Board b, Varargs args) {
			if (session.isActive()) {
				throw new LuaError("already connected");
			}
			String host = checkString(args, 2).tojstring();
			int n = 3;
			int port = DEFAULT_PORT;
			if (args.arg(n).isnumber()) {
				port = args.arg(n++).toint();
			}
			if (args.arg(n).isnumber() || args.arg(n).isboolean()) {
				LuaValue secure = args.arg(n++);
				if (secure.isboolean() ? secure.toboolean() : secure.toint() != 0) {
					throw new LuaError("ssl not available");
				}
			}
			if (args.arg(n).isfunction()) {
				callbacks.rawset("connect", args.arg(n));
			}
			if (args.arg(n + 1).isfunction()) {
				callbacks.rawset("connfail", args.arg(n + 1));
			}
			// anchored in the registry while connected, as the firmware does, so the client is not collected
			b.lua().registry().rawset(userdata, callbacks);
			if (wifi.station() == null || wifi.station().address().isEmpty()) {
				// no address, no route: lwIP cannot even open the TCP connection
				b.post(Priority.MEDIUM, "mqtt connect", () -> connectFailed(MqttSession.FAIL_SERVER_NOT_FOUND));
				return LuaValue.TRUE;
			}
			session.connect(host, port, clientId, new MqttCodec.ConnectOptions(keepalive, cleanSession,
					user == null ? null : user.tojstring(), password == null ? null : password.tojstring(), will));
			return LuaValue.TRUE;
		}

		private void fire(String event, LuaValue... args) {
			LuaValue fn = callbacks.rawget(event);
			if (fn.isfunction()) {
				board.call(fn, LuaValue.varargsOf(args));
			}
		}

		private void release() {
			board.lua().registry().rawset(userdata, LuaValue.NIL);
		}

		/** What runs when a SUBACK or UNSUBACK comes: {@code own} if a function, else the {@code event} callback. */
		Runnable acknowledgement(String event, LuaValue own) {
			return () -> {
				if (own.isfunction()) {
					board.call(own, userdata);
				} else {
					fire(event, userdata);
				}
			};
		}

		@Override
		public int heapBytes() {
			return (int) Math.min(Integer.MAX_VALUE, CLIENT_BYTES + session.queuedBytes() + receivedBytes);
		}

		@Override
		public void references(Consumer<LuaValue> mark) {
			mark.accept(callbacks);
		}

		@Override
		public void connected() {
			fire("connect", userdata);
		}

		@Override
		public void connectFailed(int reason) {
			release();
			fire("connfail", userdata, LuaValue.valueOf(reason));
		}

		@Override
		public void message(String topic, byte[] payload) {
			// the firmware holds the topic and payload it received until the callback returns
			long held = topic.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + payload.length;
			try {
				ModuleAllocations.charge(board, held);
			} catch (LuaMemoryError e) {
				board.reportError("out of memory");
				return;
			}
			receivedBytes += held;
			try {
				if (payload.length > maxMessage) {
					fire("overflow", userdata, LuaValue.valueOf(topic), LuaValue.valueOf(java.util.Arrays.copyOf(payload, maxMessage)));
				} else {
					fire("message", userdata, LuaValue.valueOf(topic), LuaValue.valueOf(payload));
				}
			} finally {
				receivedBytes -= held;
			}
		}

		@Override
		public void offline() {
			release();
			fire("offline", userdata);
		}
	}
}
