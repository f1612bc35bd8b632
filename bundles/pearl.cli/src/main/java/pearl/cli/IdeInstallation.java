package pearl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A materialized Pearl IDE on disk (the product built in releng/pearl.product). Maven Central
 * has no native Eclipse launcher, so the IDE starts as {@code java -jar} on the Equinox launcher
 * jar in its plugins folder.
 */
final class IdeInstallation {

	/** System property through which ./pearl says where the built IDE is. */
	static final String HOME_PROPERTY = "pearl.ide.home";

	private final Path home;

	IdeInstallation(Path home) {
		this.home = home;
	}

	static IdeInstallation fromSystemProperty() {
		String home = System.getProperty(HOME_PROPERTY);
		return new IdeInstallation(home == null ? null : Path.of(home));
	}

	Path home() {
		return home;
	}

	/** The Equinox launcher jar, or a message saying why there is none. */
	Path launcherJar() throws IdeMissingException {
		if (home == null) {
			throw new IdeMissingException("the location of the Pearl IDE is not set (system property " + HOME_PROPERTY
					+ "); start Pearl through the ./pearl script, which sets it");
		}
		Path plugins = home.resolve("plugins");
		if (!Files.isDirectory(plugins)) {
			throw new IdeMissingException("no Pearl IDE at " + home + " (no plugins folder); build it with "
					+ "'./mvnw package -pl releng/pearl.product -am', or run ./pearl ide, which builds it when missing");
		}
		try (Stream<Path> files = Files.list(plugins)) {
			Optional<Path> launcher = files
					.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_[^/]*\\.jar"))
					.findFirst();
			return launcher.orElseThrow(() -> new IdeMissingException(
					"the Pearl IDE at " + home + " has no org.eclipse.equinox.launcher jar in " + plugins));
		} catch (IOException e) {
			throw new IdeMissingException("cannot read " + plugins + ": " + e.getMessage());
		}
	}

	/** The IDE cannot be started from this installation. */
	static final class IdeMissingException extends Exception {

		private static final long serialVersionUID = 1L;

		IdeMissingException(String message) {
			super(message);
		}
	}
}
