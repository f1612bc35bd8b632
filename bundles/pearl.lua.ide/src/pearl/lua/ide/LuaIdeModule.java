package pearl.lua.ide;

/**
 * Guice bindings of the editor-independent IDE services (content assist, document symbols,
 * highlighting); any front end, Eclipse or a language client, uses them through this module.
 */
public class LuaIdeModule extends AbstractLuaIdeModule {
}
