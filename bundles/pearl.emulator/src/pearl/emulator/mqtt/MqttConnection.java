package pearl.emulator.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A TCP connection to a real MQTT broker: a daemon reader thread connects, sends the CONNECT
 * packet and then hands every packet it reads to the {@link Listener} (on that thread: the
 * listener passes them on to the board). Sending happens on the caller's thread.
 */
public final class MqttConnection {

	/** Real time allowed for the TCP connect. */
	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	/** What happens on the connection, told on the reader thread. */
	public interface Listener {
		/** The TCP connection could not be made. */
		void unreachable(IOException cause);

		/** A packet came from the broker. */
		void received(MqttPacket packet);

		/** The connection ended (the broker closed it, or it broke); not told after {@link #close}. */
		void lost(IOException cause);
	}

	private final Socket socket = new Socket();
	private final Listener listener;
	private volatile boolean closed;
	private OutputStream out;

	private MqttConnection(Listener listener) {
		this.listener = listener;
	}

	/** Starts connecting to {@code host:port}; {@code connect} is the first packet sent. */
	public static MqttConnection open(String host, int port, MqttPacket connect, Listener listener) {
		MqttConnection c = new MqttConnection(listener);
		Thread reader = new Thread(() -> c.run(host, port, connect), "mqtt " + host + ":" + port);
		reader.setDaemon(true);
		reader.start();
		return c;
	}

	private void run(String host, int port, MqttPacket connect) {
		InputStream in;
		try {
			socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
			socket.setTcpNoDelay(true);
			in = socket.getInputStream();
			synchronized (this) {
				out = socket.getOutputStream();
			}
			send(connect);
		} catch (IOException e) {
			if (!closed) {
				listener.unreachable(e);
			}
			return;
		}
		try {
			while (true) {
				listener.received(MqttPacket.read(in));
			}
		} catch (IOException e) {
			if (!closed) {
				closeQuietly();
				listener.lost(e);
			}
		}
	}

	/** Writes {@code packet}; a broken connection is reported by the reader as lost. */
	public synchronized void send(MqttPacket packet) {
		if (out == null || closed) {
			return;
		}
		try {
			out.write(packet.toBytes());
			out.flush();
		} catch (IOException e) {
			closeQuietly(); // the reader sees the socket close and reports it
		}
	}

	/** Closes the socket; no more is told to the listener. Without a DISCONNECT first the broker publishes the will. */
	public void close() {
		closed = true;
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			socket.close();
		} catch (IOException e) {
			// closing a broken socket: nothing left to do
		}
	}
}
