package pearl.lua.ide.contentassist;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.RecognizerSharedState;

import pearl.lua.ide.contentassist.antlr.internal.InternalLuaLexer;
import pearl.lua.parser.LuaLexicalScanner;

/** Content assist's lexer: tokenizes Lua exactly as the parser's lexer does. */
public class LuaContentAssistLexer extends InternalLuaLexer {

	private static final LuaLexicalScanner.TokenTypes TYPES = new LuaLexicalScanner.TokenTypes(RULE_STRING, RULE_NUMBER,
			RULE_LONG_COMMENT, RULE_LINE_COMMENT, RULE_WS, RULE_ANY_OTHER);

	public LuaContentAssistLexer() {
	}

	public LuaContentAssistLexer(CharStream input) {
		super(input);
	}

	public LuaContentAssistLexer(CharStream input, RecognizerSharedState state) {
		super(input, state);
	}

	@Override
	public void mTokens() throws RecognitionException {
		if (!LuaLexicalScanner.lexInto(input, state, TYPES)) {
			super.mTokens();
		}
	}
}
