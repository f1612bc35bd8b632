package pearl.lua.ide.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Inject;

import pearl.lua.scope.NameUse;

/**
 * What a Lua file tells Xtext's index: the globals it sets, nothing else. Names resolve through
 * Pearl's own project model ({@link LuaWorkspaceFiles}); describing every element of a
 * 2,000-line file after each keystroke was most of the time from an edit to its diagnostics.
 * When the globals some file sets change (one added or removed), every other Lua file is
 * affected: the server validates it again, so a read of a global that no file sets any more is
 * reported without the user touching the reading file.
 */
public class LuaResourceDescriptions extends DefaultResourceDescriptionManager {

	@Inject
	private LuaWorkspaceFiles files;

	@Override
	public IResourceDescription getResourceDescription(Resource resource) {
		return internalGetResourceDescription(resource, null);
	}

	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy) {
		return new DefaultResourceDescription(resource, strategy) {
			@Override
			protected List<IEObjectDescription> computeExportedObjects() {
				if (!(resource instanceof XtextResource lua) || lua.getParseResult() == null) {
					return List.of();
				}
				Map<String, IEObjectDescription> first = new LinkedHashMap<>();
				for (NameUse use : files.document(lua).scopes().globalUses()) {
					if (use.access() == NameUse.Access.WRITE) {
						first.putIfAbsent(use.name(), EObjectDescription.create(QualifiedName.create(use.name()), use.owner()));
					}
				}
				return new ArrayList<>(first.values());
			}

			@Override
			protected List<IReferenceDescription> computeReferenceDescriptions() {
				return List.of();
			}
		};
	}

	@Override
	public boolean isAffected(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
		for (IResourceDescription.Delta delta : deltas) {
			if (!delta.getUri().equals(candidate.getURI()) && !globals(delta.getOld()).equals(globals(delta.getNew()))) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> globals(IResourceDescription description) {
		Set<String> names = new TreeSet<>();
		if (description != null) {
			description.getExportedObjects().forEach(object -> names.add(object.getName().toString()));
		}
		return names;
	}
}
