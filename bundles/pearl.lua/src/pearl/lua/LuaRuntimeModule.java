package pearl.lua;

import org.eclipse.xtext.conversion.IValueConverterService;

import pearl.lua.conversion.LuaValueConverters;

/**
 * Guice bindings of the Lua language that need no Eclipse: parser, validator and the services
 * the linter, the command line and the IDE layer share.
 */
public class LuaRuntimeModule extends AbstractLuaRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return LuaValueConverters.class;
	}
}
