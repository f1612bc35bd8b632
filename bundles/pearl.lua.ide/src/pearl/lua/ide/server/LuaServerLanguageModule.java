package pearl.lua.ide.server;

import org.eclipse.xtext.ide.server.ICapabilitiesContributor;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.AbstractModule;

/**
 * The Lua language's bindings inside the language server: Xtext's LSP services answered by
 * Pearl's headless services, and diagnostics from the linter.
 */
public class LuaServerLanguageModule extends AbstractModule {

	private final LuaServerSettings settings;

	/** Binds the services for a server running with {@code settings}. */
	public LuaServerLanguageModule(LuaServerSettings settings) {
		this.settings = settings;
	}

	@Override
	protected void configure() {
		bind(LuaServerSettings.class).toInstance(settings);
		bind(IResourceValidator.class).to(LuaLintValidator.class);
		bind(IResourceDescription.Manager.class).to(LuaResourceDescriptions.class);
		bind(XtextResource.class).to(LuaServerResource.class);
		// nothing is generated from Lua files; Xtext's default asks the validator again to decide
		bind(IShouldGenerate.class).toInstance((resource, cancel) -> false);
		bind(ICapabilitiesContributor.class).to(LuaCapabilities.class);
		bind(ContentAssistService.class).to(LuaContentAssistService.class);
		bind(IHoverService.class).to(LuaHoverService.class);
		bind(HierarchicalDocumentSymbolService.class).to(LuaOutlineService.class);
		bind(DocumentSymbolService.class).to(LuaNavigationService.class);
		bind(FoldingRangeService.class).to(LuaFoldingRangeService.class);
		bind(FormattingService.class).to(LuaFormattingService.class);
		bind(ICodeActionService2.class).to(LuaCodeActionService.class);
	}
}
