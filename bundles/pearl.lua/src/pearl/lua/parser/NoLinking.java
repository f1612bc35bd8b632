package pearl.lua.parser;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.linking.ILinker;

/**
 * Lua's grammar has no cross-references (names are bound by {@code pearl.lua.scope}), so
 * Xtext's linking pass, which walks the whole tree after every parse, has nothing to do.
 */
public class NoLinking implements ILinker {

	@Override
	public void linkModel(EObject model, IDiagnosticConsumer diagnosticsConsumer) {
		// nothing to link
	}
}
