package pearl.lua;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.parser.antlr.LexerProvider;

import com.google.inject.Binder;
import com.google.inject.Provider;
import com.google.inject.name.Names;

import pearl.lua.conversion.LuaValueConverters;
import pearl.lua.parser.LuaLexer;
import pearl.lua.parser.LuaSyntaxErrorMessages;
import pearl.lua.parser.NoLinking;
import pearl.lua.parser.antlr.internal.InternalLuaLexer;

/**
 * Guice bindings of the Lua language that need no Eclipse: parser, validator and the services
 * the linter, the command line and the IDE layer share.
 */
public class LuaRuntimeModule extends AbstractLuaRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return LuaValueConverters.class;
	}

	@Override
	public Class<? extends ILinker> bindILinker() {
		return NoLinking.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return LuaSyntaxErrorMessages.class;
	}

	@Override
	public Class<? extends Lexer> bindLexer() {
		return LuaLexer.class;
	}

	@Override
	public Provider<? extends InternalLuaLexer> provideInternalLuaLexer() {
		return LexerProvider.create(LuaLexer.class);
	}

	@Override
	public void configureRuntimeLexer(Binder binder) {
		binder.bind(Lexer.class).annotatedWith(Names.named(LexerBindings.RUNTIME)).to(LuaLexer.class);
	}
}
