package pearl.lua.parser;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.RecognizerSharedState;

import pearl.lua.parser.antlr.internal.InternalLuaLexer;

/** The parser's lexer: the generated one, with Lua's own rules from {@link LuaLexicalScanner} first. */
public class LuaLexer extends InternalLuaLexer {

	static final LuaLexicalScanner.TokenTypes TYPES = new LuaLexicalScanner.TokenTypes(RULE_STRING, RULE_NUMBER,
			RULE_LONG_COMMENT, RULE_LINE_COMMENT, RULE_WS, RULE_ANY_OTHER);

	public LuaLexer() {
	}

	public LuaLexer(CharStream input) {
		super(input);
	}

	public LuaLexer(CharStream input, RecognizerSharedState state) {
		super(input, state);
	}

	@Override
	public void mTokens() throws RecognitionException {
		if (!LuaLexicalScanner.lexInto(input, state, TYPES)) {
			super.mTokens();
		}
	}
}
