package pearl.lua.ui.assist;

/**
 * The services write hovers and documentation in markdown, for LSP clients; Eclipse's plain
 * information controls show text. This keeps the words and drops the markup.
 */
final class MarkdownText {

	private MarkdownText() {
	}

	/** {@code markdown} as plain text: no code fences, backticks, emphasis or link syntax. */
	static String plain(String markdown) {
		StringBuilder text = new StringBuilder();
		for (String line : markdown.split("\n", -1)) {
			if (line.startsWith("```")) {
				continue;
			}
			if (line.trim().equals("---")) {
				line = "";
			}
			String plain = line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replaceAll("\\*\\*([^*]+)\\*\\*", "$1")
					.replaceAll("(?<![\\w*])\\*([^*\\s][^*]*)\\*(?![\\w*])", "$1").replaceAll("^#+\\s*", "");
			text.append(plain).append('\n');
		}
		return text.toString().strip().replaceAll("\n{3,}", "\n\n");
	}
}
