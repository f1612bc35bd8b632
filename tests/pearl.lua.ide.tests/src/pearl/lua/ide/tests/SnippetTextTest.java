package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.ide.completion.SnippetText;
import pearl.lua.ide.completion.SnippetText.Stop;

/** A snippet inserted by an editor without LSP: the text a user sees, and where Tab goes. */
class SnippetTextTest {

	@Test
	void placeholdersBecomeTheirDefaultTextAndTabVisitsThemInNumberOrderEndingAtZero() {
		SnippetText timer = SnippetText.parse("local ${1:ticker} = tmr.create()\n${1:ticker}:alarm(${2:1000}, tmr.ALARM_AUTO, function()\n\t$0\nend)");
		assertEquals("local ticker = tmr.create()\nticker:alarm(1000, tmr.ALARM_AUTO, function()\n\t\nend)", timer.text());
		assertEquals(List.of(new Stop(1, 6, 6), new Stop(1, 28, 6), new Stop(2, 41, 4), new Stop(0, 75, 0)), timer.stops());
		assertEquals(2, timer.stops(1).size(), "both tickers are one linked field");
	}

	@Test
	void escapedDollarsAndBracesAreText() {
		SnippetText text = SnippetText.parse("print(\"\\$1 costs \\}\") $1");
		assertEquals("print(\"$1 costs }\") ", text.text());
		assertEquals(List.of(new Stop(1, 20, 0)), text.stops());
	}

	@Test
	void nestedPlaceholdersKeepBothStops() {
		SnippetText text = SnippetText.parse("f(${1:a, ${2:b}})");
		assertEquals("f(a, b)", text.text());
		assertEquals(List.of(new Stop(1, 2, 4), new Stop(2, 5, 1)), text.stops());
	}

	@Test
	void anUnclosedPlaceholderIsKeptAsWritten() {
		SnippetText text = SnippetText.parse("x = ${1:oops");
		assertEquals("x = ${1:oops", text.text());
		assertEquals(List.of(), text.stops());
	}

	@Test
	void plainTextIsUnchanged() {
		assertEquals(new SnippetText("tmr.create()", List.of()), SnippetText.parse("tmr.create()"));
	}
}
