package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.highlighting.LexicalKind;
import pearl.lua.ide.highlighting.LexicalToken;
import pearl.lua.ide.highlighting.LuaLexicalHighlighter;

/** The lexical layer of highlighting: what an editor colours before any name is bound. */
class LexicalHighlightingTest {

	private static List<String> kinds(String text) {
		List<LexicalToken> tokens = new LuaLexicalHighlighter().tokens(text);
		return tokens.stream().map(t -> t.kind() + " " + text.substring(t.range().offset(), t.range().end())).toList();
	}

	@Test
	void classifiesATimerCallbackAsTheParserReadsIt() {
		assertEquals(List.of("COMMENT -- blink", "KEYWORD local", "NAME t", "OPERATOR =", "NAME tmr", "OPERATOR .", "NAME create",
				"OPERATOR (", "OPERATOR )", "NAME t", "OPERATOR :", "NAME alarm", "OPERATOR (", "NUMBER 0x1F4", "OPERATOR ,",
				"NAME tmr", "OPERATOR .", "NAME ALARM_AUTO", "OPERATOR ,", "KEYWORD function", "OPERATOR (", "OPERATOR )",
				"NAME print", "OPERATOR (", "STRING [[on\noff]]", "OPERATOR )", "KEYWORD end", "OPERATOR )"),
				kinds("-- blink\nlocal t = tmr.create()\nt:alarm(0x1F4, tmr.ALARM_AUTO, function() print([[on\noff]]) end)\n"));
	}

	@Test
	void unfinishedTextStillGetsItsTokens() {
		assertEquals(List.of("KEYWORD if", "NAME x", "OPERATOR ==", "STRING \"unterminated"), kinds("if x == \"unterminated"));
		assertEquals(List.of("COMMENT --[[ open long comment"), kinds("--[[ open long comment"));
	}
}
