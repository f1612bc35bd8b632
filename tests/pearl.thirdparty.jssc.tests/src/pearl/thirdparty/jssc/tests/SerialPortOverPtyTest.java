package pearl.thirdparty.jssc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jssc.SerialNativeInterface;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * jssc inside OSGi: its JNI library loads from the bundle, and it talks to a real pseudo-terminal
 * pair made by socat, as it will talk to a board's USB serial port.
 */
class SerialPortOverPtyTest {

	private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

	private Process socat;
	private String boardSide;
	private String hostSide;

	@BeforeEach
	void linkTwoPseudoTerminals() throws IOException {
		socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").redirectErrorStream(true).start();
		BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8));
		String[] ptys = new String[2];
		for (int found = 0; found < 2;) {
			String line = log.readLine();
			if (line == null) {
				throw new IOException("socat ended before it opened two pseudo-terminals");
			}
			Matcher m = PTY.matcher(line);
			if (m.find()) {
				ptys[found++] = m.group(1);
			}
		}
		hostSide = ptys[0];
		boardSide = ptys[1];
		assertTrue(Files.exists(Path.of(hostSide)), hostSide);
	}

	@AfterEach
	void stopSocat() throws InterruptedException {
		socat.destroy();
		socat.waitFor(5, TimeUnit.SECONDS);
	}

	@Test
	void nativeLibraryLoadsFromTheBundle() {
		assertNotNull(SerialNativeInterface.getNativeLibraryVersion());
	}

	@Test
	void bytesWrittenAtNodeMcuSpeedArriveAtTheOtherEnd() throws SerialPortException, InterruptedException {
		SerialPort host = new SerialPort(hostSide);
		SerialPort board = new SerialPort(boardSide);
		try {
			assertTrue(host.openPort());
			assertTrue(board.openPort());
			host.setParams(SerialPort.BAUDRATE_115200, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
			board.setParams(SerialPort.BAUDRATE_115200, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
			byte[] line = "print(node.heap())\r\n".getBytes(StandardCharsets.US_ASCII);
			assertTrue(host.writeBytes(line));
			byte[] received = readFully(board, line.length);
			assertArrayEquals(line, received, new String(received, StandardCharsets.US_ASCII));

			byte[] answer = {'4', '0', '9', '6', '0', '\r', '\n', '>', ' ', (byte) 0xC0, 0x00, (byte) 0xFF};
			assertTrue(board.writeBytes(answer));
			assertArrayEquals(answer, readFully(host, answer.length), "binary bytes pass unchanged (raw mode)");
		} finally {
			host.closePort();
			board.closePort();
		}
	}

	private static byte[] readFully(SerialPort port, int count) throws SerialPortException, InterruptedException {
		byte[] buffer = new byte[count];
		int have = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (have < count && System.nanoTime() < deadline) {
			byte[] chunk = port.readBytes();
			if (chunk == null) {
				Thread.sleep(10);
				continue;
			}
			System.arraycopy(chunk, 0, buffer, have, Math.min(chunk.length, count - have));
			have += chunk.length;
		}
		assertEquals(count, have, "bytes received");
		return buffer;
	}
}
