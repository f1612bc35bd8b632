package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Severity;
import pearl.lua.lint.SeverityOverrides;

/** An editor's severity preferences and the project's .luacheckrc, together. */
class ProjectLinterSeverityTest {

	private static final String LEAKS = "count = 1\nlocal unused = 2\n";

	@TempDir
	Path project;

	private static LintRule rule(String code) {
		return LintRules.all().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	private List<String> lint(String luacheckrc, SeverityOverrides severities) throws IOException {
		if (luacheckrc != null) {
			Files.writeString(project.resolve(".luacheckrc"), luacheckrc);
		}
		LuaDocument document = LuaDocument.parse(Documents.sources(), project.resolve("init.lua").toString(), LEAKS, FirmwareModel.load());
		List<LintIssue> issues = new ProjectLinter(Documents.sources(), LintRules.all()).lint(document, Set.of(), severities);
		return issues.stream().map(i -> i.code() + ":" + i.severity().word()).toList();
	}

	@Test
	void thePreferredSeverityIsTheOneShown() throws IOException {
		SeverityOverrides errors = SeverityOverrides.none().with(rule("global-write"), Severity.ERROR);
		assertEquals(List.of("global-write:error", "unused-local:warning"), lint(null, errors));
		assertEquals(List.of("global-write:warning", "unused-local:warning"), lint(null, SeverityOverrides.none()));
	}

	@Test
	void theProjectsLuacheckrcIgnoreStillHidesARuleThePreferencesRaise() throws IOException {
		SeverityOverrides errors = SeverityOverrides.none().with(rule("global-write"), Severity.ERROR);
		assertEquals(List.of("unused-local:warning"), lint("ignore = {\"global-write\"}\n", errors));
	}

	@Test
	void aRuleThePreferencesTurnOffStaysOffWhateverTheLuacheckrcEnables() throws IOException {
		SeverityOverrides off = SeverityOverrides.none().with(rule("unused-local"), null);
		assertEquals(List.of("global-write:warning"), lint("enable = {\"unused-local\"}\n", off));
	}
}
