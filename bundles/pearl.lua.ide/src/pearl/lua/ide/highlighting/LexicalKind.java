package pearl.lua.ide.highlighting;

/** What a token is to the eye, before any name is bound: the lexical layer of highlighting. */
public enum LexicalKind {
	KEYWORD, STRING, NUMBER, COMMENT, NAME, OPERATOR
}
