package pearl.lua.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Providers;

import pearl.lua.LuaRuntimeModule;
import pearl.lua.ide.LuaIdeModule;
import pearl.lua.ide.LuaIdeSetup;

/**
 * The Lua language server: Xtext's LSP implementation (documents, workspace, JSON-RPC) with the
 * Lua language registered for {@code .lua} files and its services bound to Pearl's.
 */
public final class LuaLanguageServer {

	private LuaLanguageServer() {
	}

	/** The Lua language's injector as the server uses it. */
	public static Injector languageInjector(LuaServerSettings settings) {
		return new LuaIdeSetup() {
			@Override
			public Injector createInjector() {
				return Guice.createInjector(Modules2.mixin(new LuaRuntimeModule(), new LuaIdeModule(), new LuaServerLanguageModule(settings)));
			}
		}.createInjectorAndDoEMFRegistration();
	}

	/**
	 * Serves LSP on the given streams until the input ends or the client asks the server to exit.
	 * Blocks.
	 */
	public static void serve(InputStream in, OutputStream out, LuaServerSettings settings) throws InterruptedException {
		Injector language = languageInjector(settings);
		IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("lua", language.getInstance(IResourceServiceProvider.class));
		// Xtext's server takes its semantic tokens service from its own injector, not the language's
		SemanticTokensService tokens = language.getInstance(LuaSemanticTokensService.class);
		Injector server = Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
			binder.bind(SemanticTokensService.class).toProvider(Providers.of(tokens)); // not toInstance: already injected
		}));
		LanguageServerImpl languageServer = server.getInstance(LuaLanguageServerImpl.class);
		ExecutorService requests = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "pearl-lsp");
			thread.setDaemon(true);
			return thread;
		});
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(languageServer, in, out, requests, null);
		languageServer.connect(launcher.getRemoteProxy());
		try {
			launcher.startListening().get();
		} catch (ExecutionException e) {
			throw new IllegalStateException("the language server's connection failed", e.getCause());
		} finally {
			requests.shutdownNow();
		}
	}
}
