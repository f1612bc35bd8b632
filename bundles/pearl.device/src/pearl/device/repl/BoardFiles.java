package pearl.device.repl;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The board's file system and a few node functions, through the prompt: list with sizes,
 * download (binary-safe, verified), remove, rename, run, restart, heap, file-system info.
 */
public final class BoardFiles {

    /** Bytes read per download command: one print of 960 base64 characters, short enough for one task. */
    private static final int READ_BLOCK = 720;
    private static final int RESTART_MILLIS = 15_000;

    private final ReplClient client;
    private final ReplSession session;

    /** The files of a connected board. */
    public BoardFiles(ReplClient client) {
        this.client = client;
        this.session = client.session();
    }

    /** Name to size, sorted by name. */
    public Map<String, Integer> list() throws DeviceException {
        String out = session.exec("for n,s in pairs(file.list()) do print(s,n) end", ReplClient.COMMAND_MILLIS);
        Map<String, Integer> files = new TreeMap<>();
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                files.put(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab).replaceAll("\\.0$", "")));
            }
        }
        return files;
    }

    /**
     * The bytes of {@code name}, read in blocks (base64 when the firmware has {@code encoder},
     * else hex) and checked against the board's SHA-1 or Adler-32 of the file.
     *
     * @param progress told of bytes read so far and the total
     */
    public byte[] get(String name, ReplUploader.Progress progress) throws DeviceException {
        Integer size = list().get(name);
        if (size == null) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "no such file on the board: " + name);
        }
        client.define(client.firmware().encoder() ? BoardHelpers.READ_BASE64 : BoardHelpers.READ_HEX);
        ByteArrayOutputStream data = new ByteArrayOutputStream(size);
        progress.update(name, 0, size);
        while (data.size() < size) {
            String out = session.exec("_pr(" + BoardHelpers.quote(name) + "," + data.size() + "," + Math.min(READ_BLOCK, size - data.size()) + ")",
                    ReplClient.COMMAND_MILLIS);
            if (!out.startsWith("=") || out.length() == 1) {
                throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "reading " + name + " at " + data.size() + " failed: " + out);
            }
            String text = out.substring(1).trim();
            byte[] block = client.firmware().encoder() ? Base64.getDecoder().decode(text) : HexFormat.of().parseHex(text);
            data.writeBytes(block);
            progress.update(name, data.size(), size);
        }
        byte[] bytes = data.toByteArray();
        boolean same;
        if (client.firmware().crypto()) {
            client.define(BoardHelpers.SHA1);
            same = session.exec("_ph(" + BoardHelpers.quote(name) + ")", ReplClient.COMMAND_MILLIS * 5).equals(ReplUploader.sha1(bytes));
        } else {
            client.define(BoardHelpers.ADLER);
            same = session.exec("_pa(" + BoardHelpers.quote(name) + ",0," + (bytes.length + 1) + ")", ReplClient.COMMAND_MILLIS * 5)
                    .equals(BoardHelpers.adler(bytes, 0, bytes.length));
        }
        if (!same) {
            throw new DeviceException(DeviceException.Kind.VERIFICATION_FAILED, "the download of " + name + " does not match the file on the board");
        }
        return bytes;
    }

    /** Removes {@code name}; false when there was no such file. */
    public boolean remove(String name) throws DeviceException {
        String out = session.exec("local e=file.exists(" + BoardHelpers.quote(name) + ") file.remove(" + BoardHelpers.quote(name) + ") print(e)",
                ReplClient.COMMAND_MILLIS);
        return out.equals("true");
    }

    /**
     * Renames {@code from} to {@code to}; SPIFFS refuses to rename onto an existing file.
     *
     * @throws DeviceException when {@code from} is missing or {@code to} exists
     */
    public void rename(String from, String to) throws DeviceException {
        ReplUploader.checkName(to);
        String out = session.exec("print(file.exists(" + BoardHelpers.quote(from) + "),file.exists(" + BoardHelpers.quote(to) + "))",
                ReplClient.COMMAND_MILLIS);
        if (out.startsWith("false")) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "no such file on the board: " + from);
        }
        if (out.endsWith("true")) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, to + " exists on the board; remove it first");
        }
        if (!session.exec("print(file.rename(" + BoardHelpers.quote(from) + "," + BoardHelpers.quote(to) + "))", ReplClient.COMMAND_MILLIS)
                .equals("true")) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "the board did not rename " + from + " to " + to);
        }
    }

    /**
     * Runs {@code name} with {@code dofile} and returns what it printed up to the prompt (an error
     * included); timers it started go on running on the board.
     */
    public String run(String name, int timeoutMillis) throws DeviceException {
        return session.exec("dofile(" + BoardHelpers.quote(name) + ")", timeoutMillis);
    }

    /** Free heap in bytes. */
    public long heap() throws DeviceException {
        return number(session.exec("print(node.heap())", ReplClient.COMMAND_MILLIS));
    }

    /** {@code file.fsinfo()}: remaining, used and total bytes. */
    public long[] fsinfo() throws DeviceException {
        String[] f = session.exec("print(file.fsinfo())", ReplClient.COMMAND_MILLIS).split("\t");
        return new long[] { number(f[0]), number(f[1]), number(f[2]) };
    }

    /**
     * Restarts the board with {@code node.restart()} and waits until it has booted and prompts
     * again (init.lua has run by then).
     *
     * @param bootOutput told of what the board printed while booting
     */
    public void restart(Consumer<String> bootOutput) throws DeviceException {
        session.sendLine("node.restart()");
        if (!session.awaitText(ReplSession.BANNER, RESTART_MILLIS)) {
            throw new DeviceException(DeviceException.Kind.NO_PROMPT, "the board did not reboot after node.restart()");
        }
        client.forgetHelpers();
        session.onStrayOutput(bootOutput);
        session.sync(ReplClient.CONNECT_MILLIS);
    }

    private static long number(String text) throws DeviceException {
        try {
            return (long) Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "expected a number from the board, got: " + text);
        }
    }
}
