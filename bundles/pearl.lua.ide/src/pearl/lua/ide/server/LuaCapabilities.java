package pearl.lua.ide.server;

import java.util.List;

import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.xtext.ide.server.ICapabilitiesContributor;

/**
 * What Xtext's server does not announce by itself: completion also after {@code :} (methods)
 * and in a quoted event name; folding ranges to every client.
 */
public class LuaCapabilities implements ICapabilitiesContributor {

	@Override
	public ServerCapabilities contribute(ServerCapabilities capabilities, InitializeParams params) {
		CompletionOptions completion = capabilities.getCompletionProvider();
		if (completion == null) {
			completion = new CompletionOptions();
			capabilities.setCompletionProvider(completion);
		}
		completion.setTriggerCharacters(List.of(".", ":", "\""));
		// Xtext announces folding only to clients that say they fold; the service is there for all
		capabilities.setFoldingRangeProvider(true);
		return capabilities;
	}
}
