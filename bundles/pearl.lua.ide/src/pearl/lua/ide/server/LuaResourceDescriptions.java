package pearl.lua.ide.server;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

/**
 * Lua files describe nothing to Xtext's index: names resolve through Pearl's own project model
 * ({@link LuaWorkspaceFiles}). Describing every element of a 2,000-line file after each
 * keystroke (and watching its tree to evict the cached description) was most of the time from
 * an edit to its diagnostics.
 */
public class LuaResourceDescriptions extends DefaultResourceDescriptionManager {

	@Override
	public IResourceDescription getResourceDescription(Resource resource) {
		return internalGetResourceDescription(resource, null);
	}

	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy) {
		return new DefaultResourceDescription(resource, strategy) {
			@Override
			protected List<IEObjectDescription> computeExportedObjects() {
				return List.of();
			}

			@Override
			protected List<IReferenceDescription> computeReferenceDescriptions() {
				return List.of();
			}
		};
	}
}
