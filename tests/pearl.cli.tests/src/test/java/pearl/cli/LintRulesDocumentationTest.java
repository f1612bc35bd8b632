package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;

/**
 * docs/lint-rules.md documents every rule with its default severity, and its examples say the
 * truth: each bad example triggers its rule, each good one does not.
 */
class LintRulesDocumentationTest {

	private static final Path DOC = Path.of(System.getProperty("pearl.repository.root", "../.."), "docs", "lint-rules.md");
	private static final Pattern SECTION = Pattern.compile("^## `([a-z-]+)` \\((info|warning|error)\\)$", Pattern.MULTILINE);
	private static final Pattern EXAMPLE = Pattern.compile("^(Bad|Good):\\n```lua\\n(.*?)```", Pattern.MULTILINE | Pattern.DOTALL);

	private record Section(String severity, String bad, String good) {
	}

	private static Map<String, Section> sections() throws IOException {
		String text = Files.readString(DOC);
		Matcher heading = SECTION.matcher(text);
		List<int[]> bounds = new ArrayList<>();
		List<String[]> names = new ArrayList<>();
		while (heading.find()) {
			bounds.add(new int[] { heading.start(), heading.end() });
			names.add(new String[] { heading.group(1), heading.group(2) });
		}
		Map<String, Section> sections = new LinkedHashMap<>();
		for (int i = 0; i < bounds.size(); i++) {
			int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length();
			Matcher example = EXAMPLE.matcher(text.substring(bounds.get(i)[1], end));
			String bad = null;
			String good = null;
			while (example.find()) {
				if (example.group(1).equals("Bad")) {
					bad = example.group(2);
				} else {
					good = example.group(2);
				}
			}
			sections.put(names.get(i)[0], new Section(names.get(i)[1], bad, good));
		}
		return sections;
	}

	@Test
	void everyRuleIsDocumentedWithItsSeverityAndTwoExamples() throws IOException {
		Map<String, Section> sections = sections();
		assertTrue(sections.containsKey(LintIssue.SYNTAX));
		for (LintRule rule : LintRules.all()) {
			Section section = sections.get(rule.code());
			assertTrue(section != null, rule.code() + " is not documented in " + DOC);
			assertEquals(rule.defaultSeverity().word(), section.severity(), rule.code());
			assertTrue(section.bad() != null && section.good() != null, rule.code() + " needs a bad and a good example");
		}
		assertEquals(LintRules.all().size() + 1, sections.size(), "a documented rule that does not exist");
	}

	@Test
	void badExamplesTriggerTheirRuleAndGoodOnesDoNot() throws IOException {
		Linter linter = new Linter(LuaSources.standalone(), FirmwareModel.load(), LintRules.all(), new LintConfig());
		for (Map.Entry<String, Section> entry : sections().entrySet()) {
			String code = entry.getKey();
			List<String> bad = codes(linter.lint(code + "-bad.lua", entry.getValue().bad()));
			List<String> good = codes(linter.lint(code + "-good.lua", entry.getValue().good()));
			assertTrue(bad.contains(code), "the bad example of " + code + " finds " + bad);
			assertFalse(good.contains(code), "the good example of " + code + " finds " + good);
			assertEquals(List.of(), good, "the good example of " + code + " should be clean");
		}
	}

	private static List<String> codes(List<LintIssue> issues) {
		return issues.stream().map(LintIssue::code).toList();
	}
}
