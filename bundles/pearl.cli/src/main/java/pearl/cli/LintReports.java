package pearl.cli;

import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.Severity;

/** The output formats of {@code pearl lint}: text lines, a JSON array, SARIF 2.1.0. */
final class LintReports {

	private LintReports() {
	}

	static String text(List<LintIssue> issues) {
		StringBuilder text = new StringBuilder();
		issues.forEach(issue -> text.append(issue.toText()).append('\n'));
		return text.toString();
	}

	static String json(List<LintIssue> issues) {
		JsonArray array = new JsonArray();
		for (LintIssue issue : issues) {
			JsonObject object = new JsonObject();
			object.addProperty("file", issue.file());
			object.addProperty("line", issue.line());
			object.addProperty("column", issue.column());
			object.addProperty("endLine", issue.endLine());
			object.addProperty("endColumn", issue.endColumn());
			object.addProperty("severity", issue.severity().word());
			object.addProperty("code", issue.code());
			object.addProperty("message", issue.message());
			array.add(object);
		}
		return pretty(array);
	}

	/** One SARIF run whose tool lists every rule with its configured level. */
	static String sarif(List<LintIssue> issues, List<LintRule> rules, LintConfig config) {
		JsonArray ruleList = new JsonArray();
		ruleList.add(sarifRule(LintIssue.SYNTAX, "Lua 5.1 syntax error, as luac reports it", "error"));
		for (LintRule rule : rules) {
			String level = config.severityOf(rule).map(LintReports::sarifLevel).orElse("none");
			ruleList.add(sarifRule(rule.code(), rule.summary(), level));
		}
		JsonArray results = new JsonArray();
		for (LintIssue issue : issues) {
			JsonObject region = new JsonObject();
			region.addProperty("startLine", issue.line());
			region.addProperty("startColumn", issue.column());
			region.addProperty("endLine", issue.endLine());
			region.addProperty("endColumn", issue.endColumn());
			JsonObject artifact = new JsonObject();
			artifact.addProperty("uri", issue.file().replace('\\', '/'));
			JsonObject physical = new JsonObject();
			physical.add("artifactLocation", artifact);
			physical.add("region", region);
			JsonObject location = new JsonObject();
			location.add("physicalLocation", physical);
			JsonArray locations = new JsonArray();
			locations.add(location);
			JsonObject result = new JsonObject();
			result.addProperty("ruleId", issue.code());
			result.addProperty("level", sarifLevel(issue.severity()));
			result.add("message", text(issue.message()));
			result.add("locations", locations);
			results.add(result);
		}
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "Pearl");
		driver.addProperty("version", Main.version());
		driver.add("rules", ruleList);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);
		JsonObject run = new JsonObject();
		run.add("tool", tool);
		run.add("results", results);
		JsonArray runs = new JsonArray();
		runs.add(run);
		JsonObject log = new JsonObject();
		log.addProperty("version", "2.1.0");
		log.add("runs", runs);
		return pretty(log);
	}

	private static JsonObject sarifRule(String id, String description, String level) {
		JsonObject rule = new JsonObject();
		rule.addProperty("id", id);
		rule.add("shortDescription", text(description));
		JsonObject configuration = new JsonObject();
		configuration.addProperty("level", level);
		rule.add("defaultConfiguration", configuration);
		return rule;
	}

	private static JsonObject text(String text) {
		JsonObject message = new JsonObject();
		message.addProperty("text", text);
		return message;
	}

	private static final Map<Severity, String> SARIF_LEVELS = Map.of(Severity.INFO, "note", Severity.WARNING, "warning",
			Severity.ERROR, "error");

	private static String sarifLevel(Severity severity) {
		return SARIF_LEVELS.get(severity);
	}

	private static String pretty(Object json) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
	}
}
