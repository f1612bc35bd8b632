package pearl.device.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The SHA-1 of every file Pearl uploaded, per board (by chip id), so {@code upload --changed} can
 * skip files the board already has without reading them back when the firmware lacks
 * {@code crypto}. Kept in {@code ~/.pearl/boards/CHIPID.properties}: the board is the same whatever
 * project uploads to it.
 */
public final class UploadHashes {

    private final Path folder;

    /** Hashes kept in {@code folder}. */
    public UploadHashes(Path folder) {
        this.folder = folder;
    }

    /** The user's store, {@code ~/.pearl/boards}. */
    public static UploadHashes inUserHome() {
        return new UploadHashes(Path.of(System.getProperty("user.home"), ".pearl", "boards"));
    }

    /** The hash last uploaded as {@code name} to board {@code chipId}, or null. */
    public String recall(String chipId, String name) {
        return load(chipId).getProperty(name);
    }

    /** Remembers {@code sha1} as the content of {@code name} on board {@code chipId}. */
    public void remember(String chipId, String name, String sha1) {
        Properties p = load(chipId);
        p.setProperty(name, sha1);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, chipId, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "SHA-1 of the files Pearl uploaded to board " + chipId);
            }
            Files.move(tmp, file(chipId), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember upload hashes in " + folder, e);
        }
    }

    private Properties load(String chipId) {
        Properties p = new Properties();
        Path f = file(chipId);
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                // an unreadable store only costs re-uploads
            }
        }
        return p;
    }

    private Path file(String chipId) {
        return folder.resolve(chipId.replaceAll("[^A-Za-z0-9_-]", "_") + ".properties");
    }
}
