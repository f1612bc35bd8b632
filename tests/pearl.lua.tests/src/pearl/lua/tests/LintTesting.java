package pearl.lua.tests;

import java.util.List;

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;

/** Runs the linter with all rules and reports findings as {@code line:code}, for compact assertions. */
final class LintTesting {

	private static LuaSources sources;

	private LintTesting() {
	}

	static synchronized LuaSources sources() {
		if (sources == null) {
			sources = LuaSources.standalone();
		}
		return sources;
	}

	static List<LintIssue> lint(String text) {
		return lint(text, new LintConfig());
	}

	static List<LintIssue> lint(String text, LintConfig config) {
		return new Linter(sources(), FirmwareModel.load(), LintRules.all(), config).lint("init.lua", text);
	}

	/** The findings of one rule as "line:column" strings. */
	static List<String> findings(String code, String text) {
		return findings(code, text, new LintConfig());
	}

	static List<String> findings(String code, String text, LintConfig config) {
		return lint(text, config).stream().filter(i -> i.code().equals(code)).map(i -> i.line() + ":" + i.column()).toList();
	}

	static String message(String code, String text) {
		return lint(text).stream().filter(i -> i.code().equals(code)).map(LintIssue::message).findFirst().orElseThrow();
	}
}
