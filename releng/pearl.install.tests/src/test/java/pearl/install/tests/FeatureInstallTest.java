package pearl.install.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The Pearl feature, installed by the p2 director from the built update site into a bare Eclipse
 * Platform (see this module's pom), resolves and works there: the way users install Pearl into
 * their own Eclipse.
 */
class FeatureInstallTest {

	private static final List<String> PEARL_BUNDLES = List.of("pearl.lua", "pearl.lua.ide", "pearl.ui", "pearl.emulator", "pearl.thirdparty.jssc",
			"pearl.debug", "pearl.device", "pearl.launch");

	private static Path eclipse;
	private static BundleContext context;

	/** Starts the installed Eclipse's OSGi framework from its own configuration, without its workbench. */
	@BeforeAll
	static void startInstalledEclipse() throws Exception {
		eclipse = Path.of(System.getProperty("pearl.installed.eclipse"));
		Path configuration = eclipse.resolve("configuration");
		Properties configIni = new Properties();
		try (Reader reader = Files.newBufferedReader(configuration.resolve("config.ini"))) {
			configIni.load(reader);
		}
		Map<String, String> properties = new HashMap<>();
		configIni.forEach((key, value) -> properties.put((String) key, (String) value));
		properties.put("osgi.install.area", eclipse.toUri().toString());
		properties.put("osgi.configuration.area", configuration.toUri().toString());
		properties.put("osgi.syspath", eclipse.resolve("plugins").toString());
		// config.ini names the framework jar relative to the installation; the launcher would resolve it
		String framework = properties.get("osgi.framework");
		if (framework != null && framework.startsWith("file:") && !framework.startsWith("file:/")) {
			properties.put("osgi.framework", eclipse.resolve(framework.substring("file:".length())).toUri().toString());
		}
		properties.put("osgi.instance.area", Files.createTempDirectory("pearl-install-test-ws").toUri().toString());
		properties.put("eclipse.ignoreApp", "true");
		properties.put("osgi.noShutdown", "true");
		properties.put("osgi.clean", "true");
		EclipseStarter.setInitialProperties(properties);
		context = EclipseStarter.startup(new String[0], null);
		assertNotNull(context, "the installed Eclipse's framework did not start");
	}

	@AfterAll
	static void stop() throws Exception {
		EclipseStarter.shutdown();
	}

	@Test
	void theFeatureAndItsBundlesAreInstalled() throws IOException {
		try (Stream<Path> features = Files.list(eclipse.resolve("features"))) {
			assertTrue(features.anyMatch(f -> f.getFileName().toString().startsWith("pearl.feature_")),
					"no pearl.feature in " + eclipse.resolve("features"));
		}
		String bundlesInfo = Files.readString(eclipse.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
		for (String name : PEARL_BUNDLES) {
			assertTrue(bundlesInfo.contains("\n" + name + ","), name + " is not configured to start with Eclipse");
		}
		assertTrue(bundlesInfo.contains("\norg.eclipse.xtext,"), "the feature did not bring Xtext");
	}

	@Test
	void everyBundleResolves() {
		FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
		wiring.resolveBundles(null);
		List<String> unresolved = new ArrayList<>();
		for (Bundle bundle : context.getBundles()) {
			if (bundle.getState() == Bundle.INSTALLED) {
				unresolved.add(bundle.getSymbolicName() + ": " + whyUnresolved(bundle));
			}
		}
		assertEquals(List.of(), unresolved);
		for (String name : PEARL_BUNDLES) {
			assertNotNull(bundle(name), name + " is not in the installed Eclipse");
		}
	}

	@Test
	void pearlParsesLuaInsideTheInstalledEclipse() throws Exception {
		Class<?> sources = bundle("pearl.lua").loadClass("pearl.lua.LuaSources");
		Object parser = sources.getMethod("standalone").invoke(null);
		Method parse = sources.getMethod("parse", String.class, String.class);
		assertEquals(0, syntaxErrors(parse.invoke(parser, "init.lua", "local t = tmr.create()\nt:start()\n")).size());
		List<?> errors = syntaxErrors(parse.invoke(parser, "init.lua", "local t =\n"));
		assertEquals(1, errors.size(), errors.toString());
	}

	@Test
	void jsscLoadsItsNativeLibraryInsideTheInstalledEclipse() throws Exception {
		Class<?> nativeInterface = bundle("pearl.thirdparty.jssc").loadClass("jssc.SerialNativeInterface");
		assertNotNull(nativeInterface.getMethod("getNativeLibraryVersion").invoke(null));
	}

	@Test
	void theDebugModelSeesTheDebugAdaptersJsonRpc() throws Exception {
		// two jsonrpc versions are installed: pearl.launch must be wired to lsp4j.debug's (0.24)
		Bundle launch = bundle("pearl.launch");
		Bundle jsonrpc = org.osgi.framework.FrameworkUtil.getBundle(launch.loadClass("org.eclipse.lsp4j.jsonrpc.Launcher"));
		assertTrue(jsonrpc.getVersion().toString().startsWith("0.24."), jsonrpc.getVersion().toString());
		assertNotNull(launch.loadClass("pearl.launch.emulator.EmulatorLaunchDelegate").getConstructor().newInstance());
	}

	private static List<?> syntaxErrors(Object parsed) throws Exception {
		return (List<?>) parsed.getClass().getMethod("syntaxErrors").invoke(parsed);
	}

	private static Bundle bundle(String symbolicName) {
		return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
	}

	/** The framework's own explanation: starting an unresolved bundle fails with its missing requirement. */
	private static String whyUnresolved(Bundle bundle) {
		try {
			bundle.start(Bundle.START_TRANSIENT);
			return "resolved when started";
		} catch (BundleException e) {
			return e.getMessage();
		}
	}
}
