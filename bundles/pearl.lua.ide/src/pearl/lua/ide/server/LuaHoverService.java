package pearl.lua.ide.server;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.hover.LuaHovers;
import pearl.lua.ide.model.LuaDocument;

/** LSP hover answered by {@link LuaHovers}. */
public class LuaHoverService implements IHoverService {

	@Inject
	private LuaWorkspaceFiles files;

	private final LuaHovers hovers = new LuaHovers();

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		Positions positions = new Positions(lua.lines());
		return files.locked(() -> hovers.hover(lua, files.project(resource), positions.offset(params.getPosition())))
				.map(info -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, info.markdown()), positions.range(info.range())))
				.orElse(IHoverService.EMPTY_HOVER);
	}
}
