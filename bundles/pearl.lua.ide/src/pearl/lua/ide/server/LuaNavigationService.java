package pearl.lua.ide.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.navigation.LuaNavigation;
import pearl.lua.ide.navigation.SourceLocation;

/**
 * LSP go to definition and find references answered by {@link LuaNavigation}, across the files
 * of the project; flat document symbols for clients without the hierarchical kind.
 */
public class LuaNavigationService extends DocumentSymbolService {

	@Inject
	private LuaWorkspaceFiles files;

	@Inject
	private LuaOutlineService outline;

	private final LuaNavigation navigation = new LuaNavigation();

	@Override
	public List<? extends Location> getDefinitions(Document document, XtextResource resource, DefinitionParams params,
			IResourceAccess access, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		LuaProject project = files.project(resource);
		return locations(project, files.locked(() -> navigation.definition(lua, project, new Positions(lua.lines()).offset(params.getPosition()))));
	}

	@Override
	public List<? extends Location> getReferences(Document document, XtextResource resource, ReferenceParams params, IResourceAccess access,
			IResourceDescriptions index, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		LuaProject project = files.project(resource);
		boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
		return locations(project, files.locked(() -> navigation.references(lua, project, new Positions(lua.lines()).offset(params.getPosition()), declaration)));
	}

	@Override
	public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params, CancelIndicator cancel) {
		List<DocumentSymbol> flat = new ArrayList<>();
		flatten(outline.getSymbols(document, resource, params, cancel), flat);
		return flat;
	}

	private static void flatten(List<DocumentSymbol> symbols, List<DocumentSymbol> into) {
		for (DocumentSymbol symbol : symbols) {
			into.add(symbol);
			if (symbol.getChildren() != null) {
				flatten(symbol.getChildren(), into);
			}
		}
	}

	private static List<Location> locations(LuaProject project, List<SourceLocation> found) {
		List<Location> locations = new ArrayList<>(found.size());
		for (SourceLocation location : found) {
			Positions positions = project.document(location.fileName()).map(d -> new Positions(d.lines())).orElse(null);
			if (positions != null) {
				locations.add(new Location(Path.of(location.fileName()).toUri().toString(), positions.range(location.range())));
			}
		}
		return locations;
	}
}
