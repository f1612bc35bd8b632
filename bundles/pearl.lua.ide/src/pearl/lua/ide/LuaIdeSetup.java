package pearl.lua.ide;

import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

import pearl.lua.LuaRuntimeModule;
import pearl.lua.LuaStandaloneSetup;

/** Sets the Lua language up with its generic IDE services, outside OSGi or inside it. */
public class LuaIdeSetup extends LuaStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new LuaRuntimeModule(), new LuaIdeModule()));
	}

	/** Registers the language once and returns the injector with runtime and IDE services. */
	public static Injector doSetupIde() {
		return new LuaIdeSetup().createInjectorAndDoEMFRegistration();
	}
}
