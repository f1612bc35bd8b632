package pearl.device.tests.rom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Two pseudo-terminals joined by socat: what one side writes, the other reads, as over a USB UART. */
final class PtyPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    final String hostSide;
    final String boardSide;

    PtyPair() throws IOException {
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
        // socat keeps logging to this pipe; drain it so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (log.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}
