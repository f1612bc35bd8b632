package pearl.device.repl;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The NodeMCU Lua prompt on the other end of a {@link Link}, driven one line at a time: each line
 * is sent, its echo ({@code line\r\n}) is matched exactly, and what follows up to the next
 * {@code "> "} prompt is the line's output. The firmware handles one line per task and has a
 * 256-byte line buffer that silently wraps, so nothing is sent before the previous line's prompt
 * and no line is longer than {@link #MAX_LINE}.
 */
public final class ReplSession implements AutoCloseable {

    /**
     * The longest line sent, newline excluded: under the firmware's 256-byte input buffer with room
     * to spare for a CR and the terminator.
     */
    public static final int MAX_LINE = 250;

    /** What every firmware prints at boot, at the end of its banner. */
    static final String BANNER = "powered by Lua";

    /**
     * A line that ends any unfinished multi-line chunk the board may hold (a cut transfer, a
     * user's half-typed loop): it closes level 0 to 2 long brackets, then is a syntax error.
     */
    static final String ESCAPE_LINE = "]]]=]]==])";

    private static final int SYNC_ATTEMPT_MILLIS = 800;

    private final Link link;
    private final StringBuilder rx = new StringBuilder();
    private boolean echo = true;
    private int syncs;
    private Consumer<String> stray = s -> {
    };
    private long bytesSent;

    /** A session over {@code link}; call {@link #sync} before anything else. */
    public ReplSession(Link link) {
        this.link = link;
    }

    /** Where output that belongs to no command goes (a program's timers printing). */
    public void onStrayOutput(Consumer<String> listener) {
        this.stray = listener;
    }

    /** The link, for what works below the prompt (reset, raw bytes). */
    public Link link() {
        return link;
    }

    /** Whether the board echoes what it is sent (a program may have turned echo off with {@code uart.setup}). */
    public boolean echo() {
        return echo;
    }

    /** Bytes written to the board so far (the wire cost of what was done). */
    public long bytesSent() {
        return bytesSent;
    }

    /**
     * Finds the prompt: ends whatever half line or unfinished chunk the board holds, then sends a
     * print whose output differs from its echo until that output comes back followed by a
     * prompt. Survives boot chatter and a board that is rebooting meanwhile.
     *
     * @throws DeviceException {@link DeviceException.Kind#NO_PROMPT} when no prompt came in {@code millis}
     */
    public void sync(int millis) throws DeviceException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        // ends a half line left by a cut transfer; a lone line end just gives an empty prompt
        send("\n");
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            attempt++;
            String id = Integer.toString(++syncs) + "-" + attempt;
            String line = "print(\"pearl-\"..\"sync-" + id + "\")";
            String expected = "pearl-sync-" + id + "\r\n> ";
            send(line + "\n");
            long attemptEnd = Math.min(deadline, System.nanoTime() + SYNC_ATTEMPT_MILLIS * 1_000_000L);
            while (System.nanoTime() < attemptEnd) {
                int at = rx.indexOf(expected);
                if (at >= 0) {
                    echo = rx.lastIndexOf(line + "\r\n", at) >= 0;
                    strayLines(rx.substring(0, at));
                    rx.delete(0, at + expected.length());
                    return;
                }
                if (rx.indexOf(BANNER) >= 0) {
                    // the board is booting: give it the time to run init.lua and prompt
                    int end = rx.indexOf(BANNER) + BANNER.length();
                    stray.accept(rx.substring(0, end));
                    rx.delete(0, end);
                    attemptEnd = Math.min(deadline, System.nanoTime() + 2 * SYNC_ATTEMPT_MILLIS * 1_000_000L);
                }
                if (endsWithPrompt(">> ")) {
                    // our line joined an unfinished chunk: end it, then ask again
                    rx.setLength(0);
                    send(ESCAPE_LINE + "\n");
                    break;
                }
                fill(20);
            }
        }
        throw new DeviceException(DeviceException.Kind.NO_PROMPT,
                "no Lua prompt: the board did not answer in " + millis / 1000.0 + " s (wrong port or baud rate? "
                        + "a program that took the UART with uart.on? try 'pearl rescue')");
    }

    /**
     * Runs one line and returns its output (line ends as {@code \n}, without the last one).
     *
     * @throws DeviceException {@link DeviceException.Kind#NO_PROMPT} on timeout,
     *                         {@link DeviceException.Kind#REBOOTED} when the board rebooted
     */
    public String exec(String line, int timeoutMillis) throws DeviceException {
        checkLine(line);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        if (rx.length() > 0) {
            // output of the board's own tasks since the last prompt
            stray.accept(rx.toString());
            rx.setLength(0);
        }
        send(line + "\n");
        if (echo) {
            String expected = line + "\r\n";
            int at;
            while ((at = rx.indexOf(expected)) < 0) {
                checkReboot();
                if (!fillUntil(deadline)) {
                    throw noAnswer(line, timeoutMillis);
                }
            }
            if (at > 0) {
                stray.accept(rx.substring(0, at));
            }
            rx.delete(0, at + expected.length());
        }
        while (true) {
            if (endsWithPrompt(">> ")) {
                rx.setLength(0);
                send(ESCAPE_LINE + "\n");
                throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "the board took this line as unfinished: " + line);
            }
            if (endsWithPrompt("> ")) {
                String output = rx.substring(0, rx.length() - 2);
                rx.setLength(0);
                output = output.replace("\r\n", "\n");
                return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
            }
            checkReboot();
            if (!fillUntil(deadline)) {
                throw noAnswer(line, timeoutMillis);
            }
        }
    }

    /**
     * Runs one line that must print nothing; anything it prints is the board's complaint.
     *
     * @throws DeviceException {@link DeviceException.Kind#COMMAND_FAILED} with the complaint
     */
    public void execQuiet(String line, int timeoutMillis) throws DeviceException {
        String output = exec(line, timeoutMillis);
        if (!output.isEmpty()) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, output.trim());
        }
    }

    /**
     * Sends {@code line} without waiting for anything (a restart, a rescue attempt at boot).
     */
    public void sendLine(String line) throws DeviceException {
        checkLine(line);
        send(line + "\n");
    }

    /**
     * Waits until the board prints {@code text}, dropping everything up to and including it.
     *
     * @return false on timeout
     */
    public boolean awaitText(String text, int millis) throws DeviceException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            int at = rx.indexOf(text);
            if (at >= 0) {
                rx.delete(0, at + text.length());
                return true;
            }
            if (!fillUntil(deadline)) {
                return false;
            }
        }
    }

    /**
     * Waits until the board prints one of {@code texts}, dropping everything up to and including it.
     *
     * @return the index of the text seen, -1 on timeout
     */
    public int awaitAny(String[] texts, int millis) throws DeviceException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            for (int k = 0; k < texts.length; k++) {
                int at = rx.indexOf(texts[k]);
                if (at >= 0) {
                    rx.delete(0, at + texts[k].length());
                    return k;
                }
            }
            if (!fillUntil(deadline)) {
                return -1;
            }
        }
    }

    /** Everything received and not yet consumed, and forgets it. */
    public String drain(int millis) throws DeviceException {
        fill(millis);
        String all = rx.toString();
        rx.setLength(0);
        return all;
    }

    /** Passes on what came before the prompt was found, without Pearl's own sync lines. */
    private void strayLines(String text) {
        StringBuilder kept = new StringBuilder();
        for (String l : text.split("(?<=\n)")) {
            if (!l.contains("pearl-") && !l.contains(ESCAPE_LINE)) {
                kept.append(l);
            }
        }
        if (kept.length() > 0) {
            stray.accept(kept.toString());
        }
    }

    private void checkReboot() throws DeviceException {
        if (rx.indexOf(BANNER) >= 0) {
            rx.setLength(0);
            throw new DeviceException(DeviceException.Kind.REBOOTED, "the board rebooted");
        }
    }

    private static void checkLine(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("line longer than " + MAX_LINE + " bytes: " + line.length());
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // only printable ASCII is echoed back byte for byte
                throw new IllegalArgumentException("not printable ASCII at " + i + ": " + line);
            }
        }
    }

    private boolean endsWithPrompt(String prompt) {
        int n = rx.length();
        if (n < prompt.length() || !rx.substring(n - prompt.length()).equals(prompt)) {
            return false;
        }
        // a prompt starts a line; a "> " inside output does not count
        return n == prompt.length() || rx.charAt(n - prompt.length() - 1) == '\n';
    }

    private DeviceException noAnswer(String line, int millis) {
        String got = rx.toString().replace("\r", "\\r").replace("\n", "\\n");
        rx.setLength(0);
        return new DeviceException(DeviceException.Kind.NO_PROMPT, "no prompt from the board " + millis / 1000.0
                + " s after: " + shorten(line) + (got.isEmpty() ? "" : " (it answered: " + shorten(got) + ")"));
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private void send(String text) throws DeviceException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        link.write(bytes);
        bytesSent += bytes.length;
    }

    private boolean fillUntil(long deadline) throws DeviceException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            return false;
        }
        fill((int) Math.min(left, 50));
        return true;
    }

    private void fill(int millis) throws DeviceException {
        byte[] bytes = link.read(millis);
        if (bytes.length > 0) {
            rx.append(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
