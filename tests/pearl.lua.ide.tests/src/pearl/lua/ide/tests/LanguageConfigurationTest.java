package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import pearl.lua.ide.folding.LuaEditorFacts;
import pearl.lua.ide.folding.LuaEditorFacts.Pair;

/**
 * The TextMate language configuration that pearl.lua.ui gives tm4e editors comments, matches
 * brackets and indents as Pearl's own editor does: its values are LuaEditorFacts'.
 */
class LanguageConfigurationTest {

	private static final Path FILE = Path.of("bundles/pearl.lua.ui/language-configurations/language-configuration.json");

	private static JsonObject configuration;

	@BeforeAll
	static void read() throws IOException {
		try (Reader reader = Files.newBufferedReader(inRepository(FILE))) {
			configuration = JsonParser.parseReader(reader).getAsJsonObject();
		}
	}

	/** The file in the source tree: the tests run in a folder below the repository. */
	private static Path inRepository(Path file) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(file))) {
				return dir.resolve(file);
			}
		}
		throw new AssertionError(file + " in no folder above " + Path.of("").toAbsolutePath());
	}

	@Test
	void commentsAreTheLuaEditorsComments() {
		JsonObject comments = configuration.getAsJsonObject("comments");
		assertEquals(LuaEditorFacts.LINE_COMMENT, comments.get("lineComment").getAsString());
		assertEquals(List.of(new Pair(LuaEditorFacts.BLOCK_COMMENT_START, LuaEditorFacts.BLOCK_COMMENT_END)),
				pairs(List.of(comments.get("blockComment"))));
	}

	@Test
	void bracketsAndAutoClosedPairsAreTheLuaEditors() {
		assertEquals(LuaEditorFacts.BRACKETS, pairs(configuration.getAsJsonArray("brackets")));
		List<JsonElement> autoClosing = new ArrayList<>();
		for (JsonElement pair : configuration.getAsJsonArray("autoClosingPairs")) {
			JsonObject object = pair.getAsJsonObject();
			JsonArray openClose = new JsonArray();
			openClose.add(object.get("open"));
			openClose.add(object.get("close"));
			autoClosing.add(openClose);
		}
		assertEquals(LuaEditorFacts.AUTO_CLOSING_PAIRS, pairs(autoClosing));
		// what surrounds a selection is what closes by itself
		assertEquals(LuaEditorFacts.AUTO_CLOSING_PAIRS, pairs(configuration.getAsJsonArray("surroundingPairs")));
	}

	@Test
	void indentationIsTheLuaEditors() {
		JsonObject rules = configuration.getAsJsonObject("indentationRules");
		assertEquals(LuaEditorFacts.INCREASE_INDENT_REGEX, rules.get("increaseIndentPattern").getAsString());
		assertEquals(LuaEditorFacts.DECREASE_INDENT_REGEX, rules.get("decreaseIndentPattern").getAsString());
	}

	private static List<Pair> pairs(Iterable<JsonElement> twoElementArrays) {
		List<Pair> pairs = new ArrayList<>();
		for (JsonElement element : twoElementArrays) {
			JsonArray pair = element.getAsJsonArray();
			assertEquals(2, pair.size(), pair.toString());
			pairs.add(new Pair(pair.get(0).getAsString(), pair.get(1).getAsString()));
		}
		return pairs;
	}
}
