package pearl.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A NodeMCU project folder as the files a user would upload to the board: every file, with
 * sub-folders giving names like {@code www/index.html} (SPIFFS is flat, names may hold '/'),
 * except hidden files, and the folders that are not for the board: tests, the LFS sources and
 * build output.
 */
public final class ProjectFiles {

    /** Folders of a project that are not uploaded to SPIFFS. */
    public static final Set<String> NOT_UPLOADED = Set.of("test", "tests", "lfs", "target", "bin", "node_modules");

    private ProjectFiles() {
    }

    /** The project's files for the board, relative names with '/'. */
    public static List<Path> of(Path project) throws IOException {
        if (!Files.isDirectory(project)) {
            throw new IOException("no such project folder: " + project);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(project)) {
            walk.filter(Files::isRegularFile).filter(f -> uploaded(project, f)).sorted().forEach(files::add);
        }
        return files;
    }

    private static boolean uploaded(Path project, Path file) {
        Path relative = project.relativize(file);
        for (int i = 0; i < relative.getNameCount(); i++) {
            String part = relative.getName(i).toString();
            if (part.startsWith(".") || (i < relative.getNameCount() - 1 && i == 0 && NOT_UPLOADED.contains(part))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts the project's files into {@code spiffs}.
     *
     * @throws IOException naming the file that cannot be read, has a name too long for SPIFFS, or
     *                     does not fit
     */
    public static void load(Path project, Spiffs spiffs) throws IOException {
        for (Path file : of(project)) {
            String name = project.relativize(file).toString().replace('\\', '/');
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (base.length() > Spiffs.MAX_NAME_LENGTH) {
                throw new IOException(file + ": the name '" + name + "' is too long for SPIFFS (at most "
                        + Spiffs.MAX_NAME_LENGTH + " characters after the last '/')");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!spiffs.putContents(name, bytes)) {
                throw new IOException(file + ": " + bytes.length + " bytes do not fit in the board's SPIFFS ("
                        + spiffs.info().remaining() + " bytes free of " + spiffs.info().total() + ")");
            }
        }
    }

    /**
     * The project's {@code .lua} files that are not Lua text (binary data under a Lua name), which
     * the board would fail to load: a warning for the user before the run.
     */
    public static List<String> notLuaText(Path project) throws IOException {
        List<String> suspicious = new ArrayList<>();
        for (Path file : of(project)) {
            if (file.getFileName().toString().endsWith(".lua")) {
                byte[] bytes = Files.readAllBytes(file);
                boolean compiled = bytes.length >= 4 && bytes[0] == 0x1b && bytes[1] == 'L';
                for (byte b : bytes) {
                    if (b == 0 && !compiled) {
                        suspicious.add(project.relativize(file).toString());
                        break;
                    }
                }
            }
        }
        return suspicious;
    }
}
