package pearl.lua.ide;

import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.contentassist.antlr.internal.Lexer;

import com.google.inject.Binder;
import com.google.inject.name.Names;

import pearl.lua.ide.contentassist.LuaContentAssistLexer;

/**
 * Guice bindings of the editor-independent IDE services (content assist, document symbols,
 * highlighting); any front end, Eclipse or a language client, uses them through this module.
 */
public class LuaIdeModule extends AbstractLuaIdeModule {

	@Override
	public void configureContentAssistLexer(Binder binder) {
		binder.bind(Lexer.class).annotatedWith(Names.named(LexerIdeBindings.CONTENT_ASSIST)).to(LuaContentAssistLexer.class);
	}
}
