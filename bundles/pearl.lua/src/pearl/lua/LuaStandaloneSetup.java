package pearl.lua;

import com.google.inject.Injector;

/**
 * Sets the Lua language up outside an OSGi runtime (command line, plain tests): registers the
 * EMF package and the {@code .lua} resource factory and returns the injector.
 */
public class LuaStandaloneSetup extends LuaStandaloneSetupGenerated {

	/** Registers the language once and returns its injector. */
	public static Injector doSetup() {
		return new LuaStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
