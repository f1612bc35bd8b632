package pearl.lua.lint.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import pearl.lua.lint.LintConfig;

/**
 * The configuration the linter applies to each file of a project: the given settings (the command
 * line's, or an editor's), then the project's {@code .luacheckrc} (found as luacheck finds it: in
 * a folder or the nearest one above), whose {@code files[...]} sections and {@code exclude_files}
 * are matched against paths relative to the folder the {@code .luacheckrc} is in.
 */
public final class ProjectConfig {

	/** The configuration file's name. */
	public static final String FILE_NAME = ".luacheckrc";

	private final LintConfig base;
	private final LuacheckConfig luacheck;
	private final Path folder;

	private ProjectConfig(LintConfig base, LuacheckConfig luacheck, Path folder) {
		this.base = base;
		this.luacheck = luacheck;
		this.folder = folder;
	}

	/** No .luacheckrc: the given settings for every file. */
	public static ProjectConfig none(LintConfig base) {
		return new ProjectConfig(base, null, null);
	}

	/** {@code file} if given, else the nearest .luacheckrc from the current folder up, else none. */
	public static ProjectConfig find(Path file, LintConfig base) throws IOException {
		return find(file, Path.of(""), base);
	}

	/**
	 * {@code file} if given, else the nearest .luacheckrc from {@code folder} up, else none.
	 *
	 * @throws IOException                when the file cannot be read
	 * @throws LuacheckConfigException    when it is not a valid configuration
	 */
	public static ProjectConfig find(Path file, Path folder, LintConfig base) throws IOException {
		Path config = file != null ? file : nearest(folder);
		if (config == null) {
			return none(base);
		}
		Path absolute = config.toAbsolutePath().normalize();
		return new ProjectConfig(base, LuacheckConfig.load(absolute), absolute.getParent());
	}

	/** The {@code .luacheckrc} in {@code folder} or the nearest folder above it, or null. */
	public static Path nearest(Path folder) {
		for (Path dir = folder.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
				return dir.resolve(FILE_NAME);
			}
		}
		return null;
	}

	/** Whether {@code exclude_files} leaves the file out. */
	public boolean excludes(String fileName) {
		return luacheck != null && luacheck.excludes(relative(fileName));
	}

	/** The configuration for one file. */
	public LintConfig configFor(String fileName) {
		return luacheck == null ? base : luacheck.configFor(relative(fileName), base);
	}

	/** The {@code .luacheckrc} in use, or null. */
	public LuacheckConfig luacheck() {
		return luacheck;
	}

	/** The folder of the {@code .luacheckrc} in use, or null. */
	public Path folder() {
		return folder;
	}

	private String relative(String fileName) {
		Path path = Path.of(fileName).toAbsolutePath().normalize();
		return (path.startsWith(folder) ? folder.relativize(path) : path).toString().replace('\\', '/');
	}
}
