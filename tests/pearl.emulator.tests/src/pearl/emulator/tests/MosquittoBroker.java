package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port for one test, and Mosquitto's command-line
 * clients to talk to it. A missing broker fails the test: test.sh installs the Debian packages
 * {@code mosquitto} and {@code mosquitto-clients}.
 */
final class MosquittoBroker implements AutoCloseable {

	final int port;
	private final Process process;
	private final Path dir;

	MosquittoBroker() throws IOException, InterruptedException {
		String broker = executable("mosquitto", "/usr/sbin/mosquitto");
		port = freePort();
		dir = Files.createTempDirectory("pearl-mosquitto");
		Path conf = dir.resolve("mosquitto.conf");
		// mosquitto 2.x refuses anonymous clients unless told, and listens on loopback only when told
		// every packet in the log, so a test can follow a QoS exchange from the broker's side
		Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_type all\n");
		process = new ProcessBuilder(broker, "-c", conf.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
		long deadline = System.currentTimeMillis() + 10_000;
		while (!accepts(port)) {
			if (!process.isAlive() || System.currentTimeMillis() > deadline) {
				fail("mosquitto did not start on port " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
			}
			Thread.sleep(20);
		}
	}

	/** {@code mosquitto_sub}: the first {@code count} messages on {@code topic} (retained ones included), "topic payload" each. */
	List<String> receive(String topic, int count) throws IOException, InterruptedException {
		return receive(topic, count, 10);
	}

	/** As {@link #receive(String, int)}, giving up after {@code seconds} (mosquitto_sub then says it timed out). */
	List<String> receive(String topic, int count, int seconds) throws IOException, InterruptedException {
		Process sub = new ProcessBuilder(executable("mosquitto_sub", "/usr/bin/mosquitto_sub"), "-h", "127.0.0.1", "-p", "" + port, "-t", topic,
				"-v", "-C", "" + count, "-W", "" + seconds).redirectErrorStream(true).start();
		if (!sub.waitFor(15, TimeUnit.SECONDS)) {
			sub.destroyForcibly();
		}
		String out = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>();
		out.lines().forEach(lines::add);
		return lines;
	}

	/** {@code mosquitto_pub}: publishes {@code message} on {@code topic} at QoS 1. */
	void publish(String topic, String message) throws IOException, InterruptedException {
		publish(topic, message, 1);
	}

	/** {@code mosquitto_pub}: publishes {@code message} on {@code topic} at {@code qos}. */
	void publish(String topic, String message, int qos) throws IOException, InterruptedException {
		Process pub = new ProcessBuilder(executable("mosquitto_pub", "/usr/bin/mosquitto_pub"), "-h", "127.0.0.1", "-p", "" + port, "-t", topic,
				"-m", message, "-q", "" + qos).redirectErrorStream(true).start();
		if (!pub.waitFor(10, TimeUnit.SECONDS) || pub.exitValue() != 0) {
			fail("mosquitto_pub failed: " + new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** The broker's log so far: with every packet it received and sent, by client id. */
	String log() throws IOException {
		return Files.readString(dir.resolve("mosquitto.log"));
	}

	@Override
	public void close() throws IOException, InterruptedException {
		process.destroy();
		process.waitFor(5, TimeUnit.SECONDS);
		process.destroyForcibly();
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				Files.delete(p);
			}
		}
		Files.delete(dir);
	}

	private static String executable(String name, String debianPath) {
		if (Files.isExecutable(Path.of(debianPath))) {
			return debianPath;
		}
		for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(d, name))) {
				return Path.of(d, name).toString();
			}
		}
		return fail(name + " not found: install the Debian packages mosquitto and mosquitto-clients (test.sh does)");
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static boolean accepts(int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
