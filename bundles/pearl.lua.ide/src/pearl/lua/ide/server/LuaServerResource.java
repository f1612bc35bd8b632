package pearl.lua.ide.server;

import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A Lua file in the language server. Lua's grammar has no cross-references: the server's pass
 * that resolves them after every build, and the proxies EMF makes of every element when the
 * server unloads the file after a build, would only walk the whole tree for nothing.
 */
public class LuaServerResource extends LazyLinkingResource {

	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		// nothing to resolve: Lua names are bound by ScopeAnalysis, not by EMF references
	}

	@Override
	protected void unloaded(InternalEObject object) {
		object.eAdapters().clear(); // no proxy: nothing refers to a Lua element from outside its file
	}
}
