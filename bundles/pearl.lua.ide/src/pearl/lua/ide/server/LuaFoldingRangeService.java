package pearl.lua.ide.server;

import java.util.List;

import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.folding.FoldingRegion;
import pearl.lua.ide.folding.LuaFolding;

/** LSP folding ranges answered by {@link LuaFolding}. */
public class LuaFoldingRangeService extends FoldingRangeService {

	@Inject
	private LuaWorkspaceFiles files;

	private final LuaFolding folding = new LuaFolding();

	@Override
	public List<FoldingRange> createFoldingRanges(Document document, XtextResource resource, CancelIndicator cancel) {
		return files.locked(() -> folding.regions(files.document(resource))).stream().map(region -> {
			FoldingRange range = new FoldingRange(region.startLine() - 1, region.endLine() - 1);
			range.setKind(region.kind() == FoldingRegion.Kind.COMMENT ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
			return range;
		}).toList();
	}
}
