package pearl.device.repl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploads files so that the board never loses one: the bytes go to a temporary file in lines of
 * at most {@link ReplSession#MAX_LINE} ({@link ChunkEncoding}), the temporary file is verified on
 * the board (SHA-1 via {@code crypto} when present, else length and Adler-32 computed in Lua), and
 * only then renamed over the target, in one Lua line the board runs as one task. A transfer cut
 * at any byte leaves the old file as it was; {@link ReplClient#connect} removes the temporary
 * file at the next connect. (SPIFFS cannot rename onto an existing name, so the commit line
 * removes the old file first: only a power cut in the microseconds between the two calls of that
 * one task could leave just the verified temporary file.)
 */
public final class ReplUploader {

    /** How to upload. */
    public record Options(boolean compile, boolean minify, boolean changedOnly) {
        /** Plain upload. */
        public static final Options PLAIN = new Options(false, false, false);
    }

    /** Told of the bytes written so far, for progress bars. */
    public interface Progress {
        /** {@code done} of {@code total} payload bytes of {@code file} are on the board. */
        void update(String file, long done, long total);
    }

    /** What happened to one file. */
    public enum Outcome {
        /** Written, verified and in place. */
        UPLOADED,
        /** Written, verified, compiled to {@code .lc} (the source removed). */
        COMPILED,
        /** {@code --changed}: the board already had these bytes. */
        UNCHANGED;

        /** What happened to file {@code name} of {@code bytes} bytes, in words for the user. */
        public String describe(String name, int bytes) {
            return switch (this) {
                case UPLOADED -> name + ": uploaded and verified (" + bytes + " bytes)";
                case COMPILED -> name + ": uploaded, verified and compiled to " + name.replaceAll("\\.lua$", ".lc");
                case UNCHANGED -> name + ": unchanged, skipped";
            };
        }
    }

    private static final int VERIFY_MILLIS = 20_000;

    private final ReplClient client;
    private final ReplSession session;
    private UploadHashes hashes;

    /** An uploader on a connected board. */
    public ReplUploader(ReplClient client) {
        this.client = client;
        this.session = client.session();
    }

    /** Where hashes of uploaded files are remembered, for {@link Options#changedOnly}; null for nowhere. */
    public void rememberIn(UploadHashes hashes) {
        this.hashes = hashes;
    }

    /**
     * Uploads {@code content} as {@code name} on the board.
     *
     * @throws DeviceException {@link DeviceException.Kind#VERIFICATION_FAILED} naming the block that
     *                         differs; anything else the link or the board reports. The old file
     *                         is intact in every case.
     */
    public Outcome upload(String name, byte[] content, Options options, Progress progress) throws DeviceException {
        checkName(name);
        if (options.minify() && name.endsWith(".lua")) {
            content = LuaMinifier.minify(new String(content, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }
        boolean compile = options.compile() && name.endsWith(".lua") && !name.equals("init.lua") && client.firmware().compile();
        String sha1 = sha1(content);
        String key = compile ? name + " (compiled)" : name;
        if (options.changedOnly() && unchanged(name, compile, key, sha1)) {
            return Outcome.UNCHANGED;
        }
        Firmware fw = client.firmware();
        client.define(ChunkEncoding.PLAIN_HELPER);
        if (fw.encoder()) {
            client.define(ChunkEncoding.BASE64_HELPER);
        }
        if (!"1".equals(session.exec("_pF=file.open(\"" + BoardHelpers.TEMP + "\",\"w+\") print(_pF and 1 or 0)", ReplClient.COMMAND_MILLIS))) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, "cannot open a temporary file on the board (file system full?)");
        }
        List<ChunkEncoding.Chunk> chunks = new ArrayList<>();
        for (int at = 0; at < content.length;) {
            ChunkEncoding.Chunk chunk = ChunkEncoding.next(content, at, fw.encoder());
            chunks.add(chunk);
            at += chunk.length();
        }
        progress.update(name, 0, content.length);
        for (ChunkEncoding.Chunk chunk : chunks) {
            try {
                session.execQuiet(chunk.line(), ReplClient.COMMAND_MILLIS);
            } catch (DeviceException e) {
                throw new DeviceException(e.kind(), name + ": writing bytes " + chunk.offset() + "-"
                        + (chunk.offset() + chunk.length()) + " failed: " + e.getMessage(), e);
            }
            progress.update(name, chunk.offset() + chunk.length(), content.length);
        }
        session.execQuiet("_pF:close() _pF=nil", ReplClient.COMMAND_MILLIS);
        verify(name, content, sha1, chunks);
        // do...end: a cut anywhere in this line leaves a chunk the board never runs (incomplete,
        // or a syntax error once more lines follow); run as a whole, remove and rename happen in
        // one task with nothing between them
        String answer = session.exec("do file.remove(" + BoardHelpers.quote(name) + ") print(file.rename(\"" + BoardHelpers.TEMP
                + "\"," + BoardHelpers.quote(name) + ")) end", ReplClient.COMMAND_MILLIS);
        if (!answer.equals("true")) {
            throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, name + ": renaming the verified upload failed: " + answer);
        }
        Outcome outcome = Outcome.UPLOADED;
        if (compile) {
            String out = session.exec("node.compile(" + BoardHelpers.quote(name) + ") file.remove(" + BoardHelpers.quote(name) + ")", VERIFY_MILLIS);
            if (!out.isEmpty()) {
                throw new DeviceException(DeviceException.Kind.COMMAND_FAILED, name + " is on the board but does not compile: " + out.trim());
            }
            outcome = Outcome.COMPILED;
        }
        if (hashes != null) {
            hashes.remember(fw.chipId(), key, sha1);
        }
        return outcome;
    }

    private boolean unchanged(String name, boolean compile, String key, String sha1) throws DeviceException {
        String target = compile ? name.substring(0, name.length() - 4) + ".lc" : name;
        String exists = session.exec("print(file.exists(" + BoardHelpers.quote(target) + "))", ReplClient.COMMAND_MILLIS);
        if (!exists.equals("true")) {
            return false;
        }
        if (client.firmware().crypto() && !compile) {
            // the board's own bytes are the truth: another tool may have changed them
            client.define(BoardHelpers.SHA1);
            return session.exec("_ph(" + BoardHelpers.quote(name) + ")", VERIFY_MILLIS).equals(sha1);
        }
        return hashes != null && sha1.equals(hashes.recall(client.firmware().chipId(), key));
    }

    private void verify(String name, byte[] content, String sha1, List<ChunkEncoding.Chunk> chunks) throws DeviceException {
        boolean ok;
        if (client.firmware().crypto()) {
            client.define(BoardHelpers.SHA1);
            ok = session.exec("_ph(\"" + BoardHelpers.TEMP + "\")", VERIFY_MILLIS).equals(sha1);
        } else {
            client.define(BoardHelpers.ADLER);
            // one byte more than sent: a longer file shows in the count
            ok = session.exec("_pa(\"" + BoardHelpers.TEMP + "\",0," + (content.length + 1) + ")", VERIFY_MILLIS)
                    .equals(BoardHelpers.adler(content, 0, content.length));
        }
        if (ok) {
            return;
        }
        client.define(BoardHelpers.ADLER);
        String where = "its length differs";
        for (int i = 0; i < chunks.size(); i++) {
            ChunkEncoding.Chunk c = chunks.get(i);
            String board = session.exec("_pa(\"" + BoardHelpers.TEMP + "\"," + c.offset() + "," + c.length() + ")", VERIFY_MILLIS);
            if (!board.equals(BoardHelpers.adler(content, c.offset(), c.length()))) {
                where = "block " + (i + 1) + " of " + chunks.size() + " (bytes " + c.offset() + "-" + (c.offset() + c.length() - 1) + ") differs";
                break;
            }
        }
        session.execQuiet("file.remove(\"" + BoardHelpers.TEMP + "\")", ReplClient.COMMAND_MILLIS);
        throw new DeviceException(DeviceException.Kind.VERIFICATION_FAILED,
                "verification failed for " + name + ": " + where + " on the board; the old " + name + " is unchanged");
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() > 31) {
            throw new IllegalArgumentException("the board's file names have 1 to 31 characters: " + name);
        }
        if (name.equals(BoardHelpers.TEMP)) {
            throw new IllegalArgumentException(name + " is Pearl's temporary file name");
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("file names are printable ASCII: " + name);
            }
        }
    }

    /** The SHA-1 of {@code bytes} in lower-case hex. */
    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
