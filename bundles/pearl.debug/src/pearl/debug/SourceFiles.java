package pearl.debug;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the board's chunks come from in the project: {@code @init.lua} is {@code init.lua} in the
 * project folder, {@code @www/app.lua} its sub-folder's file, and a Lua Flash Store module
 * {@code @util.lua} the file in {@code lfs/}. The debugger names sources by these paths.
 */
public final class SourceFiles {

    private final Path project;

    /** The sources of {@code project}. */
    public SourceFiles(Path project) {
        this.project = project.toAbsolutePath().normalize();
    }

    /** The project folder. */
    public Path project() {
        return project;
    }

    /**
     * The file of a chunk ({@code @init.lua}), or null for chunks that are no file (the REPL's,
     * {@code loadstring}'s).
     */
    public Path fileOf(String chunkName) {
        if (chunkName == null || !chunkName.startsWith("@")) {
            return null;
        }
        String name = chunkName.substring(1);
        Path file = project.resolve(name).normalize();
        if (Files.isRegularFile(file) || !Files.isRegularFile(project.resolve("lfs").resolve(name))) {
            return file;
        }
        return project.resolve("lfs").resolve(name).normalize();
    }

    /**
     * The chunk name the board gives {@code file} ({@code @init.lua}); for files outside the
     * project, {@code @} and the file's name, as a file uploaded by hand would be called.
     */
    public String chunkOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(project)) {
            return "@" + f.getFileName();
        }
        Path relative = project.relativize(f);
        if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("lfs")) {
            relative = relative.subpath(1, relative.getNameCount());
        }
        return "@" + relative.toString().replace('\\', '/');
    }
}
