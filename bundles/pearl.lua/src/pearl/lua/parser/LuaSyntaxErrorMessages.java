package pearl.lua.parser;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Singleton;

/**
 * Syntax error messages in Lua's own words ({@code 'end' expected near 'x'}, {@code unexpected
 * symbol near '<eof>'}), each carrying where its offending token starts and ends, so that the
 * error can be placed where {@code luac} places it.
 */
@Singleton
public class LuaSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	/** Issue code of a parser error; its data is {start, end} of the offending token, or {"eof"}. */
	public static final String PARSE_ERROR = "syntax.parse";

	/** The data of an error at the end of the file. */
	public static final String AT_EOF = "eof";

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		if (e == null || e.token == null) {
			return super.getSyntaxErrorMessage(context);
		}
		Token token = e.token;
		boolean eof = token.getType() == Token.EOF;
		String near = eof ? "<eof>" : token.getText();
		String message;
		if (e instanceof MismatchedTokenException mismatch && mismatch.expecting > 0
				&& mismatch.expecting < context.getTokenNames().length) {
			message = tokenName(context.getTokenNames()[mismatch.expecting]) + " expected near '" + near + "'";
		} else {
			message = "unexpected symbol near '" + near + "'";
		}
		String[] where = eof || !(token instanceof CommonToken common) ? new String[] { AT_EOF }
				: new String[] { Integer.toString(common.getStartIndex()), Integer.toString(common.getStopIndex() + 1) };
		return new SyntaxErrorMessage(message, PARSE_ERROR, where);
	}

	/** How Lua names an expected token: {@code 'end'}, {@code '<name>'}, {@code '<eof>'}. */
	private static String tokenName(String antlrName) {
		return switch (antlrName) {
		case "RULE_NAME" -> "'<name>'";
		case "RULE_STRING" -> "'<string>'";
		case "RULE_NUMBER" -> "'<number>'";
		case "EOF" -> "'<eof>'";
		default -> antlrName.startsWith("'") ? antlrName : "'" + antlrName + "'";
		};
	}
}
