package pearl.lua.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;

import pearl.lua.ide.highlighting.LexicalKind;
import pearl.lua.ide.highlighting.LexicalToken;
import pearl.lua.ide.highlighting.LuaLexicalHighlighter;

/**
 * JFace's view of {@link LuaLexicalHighlighter}'s tokens: the headless service lexes, this class
 * only maps kinds to colours and walks the tokens of the requested range.
 */
final class LuaTokenScanner implements ITokenScanner {

	private final LuaLexicalHighlighter highlighter = new LuaLexicalHighlighter();
	private final Map<LexicalKind, IToken> styles = new EnumMap<>(LexicalKind.class);
	private List<LexicalToken> tokens = List.of();
	private int index;
	private int position;
	private int end;
	private int tokenOffset;
	private int tokenLength;

	LuaTokenScanner(ISharedTextColors colors) {
		styles.put(LexicalKind.KEYWORD, new Token(new TextAttribute(colors.getColor(new RGB(127, 0, 85)), null, SWT.BOLD)));
		styles.put(LexicalKind.STRING, new Token(new TextAttribute(colors.getColor(new RGB(42, 0, 255)))));
		styles.put(LexicalKind.NUMBER, new Token(new TextAttribute(colors.getColor(new RGB(0, 128, 128)))));
		styles.put(LexicalKind.COMMENT, new Token(new TextAttribute(colors.getColor(new RGB(63, 127, 95)))));
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		tokens = highlighter.tokens(document.get());
		position = offset;
		end = offset + length;
		index = 0;
		while (index < tokens.size() && tokens.get(index).range().end() <= offset) {
			index++;
		}
	}

	@Override
	public IToken nextToken() {
		if (position >= end) {
			return Token.EOF;
		}
		tokenOffset = position;
		if (index < tokens.size() && tokens.get(index).range().offset() <= position) {
			LexicalToken token = tokens.get(index++);
			tokenLength = Math.min(token.range().end(), end) - position;
			position += tokenLength;
			return styles.getOrDefault(token.kind(), Token.UNDEFINED);
		}
		int next = index < tokens.size() ? Math.min(tokens.get(index).range().offset(), end) : end;
		tokenLength = next - position;
		position = next;
		return Token.WHITESPACE;
	}

	@Override
	public int getTokenOffset() {
		return tokenOffset;
	}

	@Override
	public int getTokenLength() {
		return tokenLength;
	}
}
