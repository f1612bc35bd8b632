package pearl.lua.ide.hover;

/** A small Markdown writer: paragraphs, Lua code blocks, inline code, list items. */
final class Markdown {

	private final StringBuilder text = new StringBuilder();

	/** A fenced Lua code block. */
	Markdown code(String lua) {
		separate();
		text.append("```lua\n").append(lua.strip()).append("\n```");
		return this;
	}

	/** A paragraph of its own. */
	Markdown paragraph(String line) {
		if (!line.isBlank()) {
			separate();
			text.append(line.strip());
		}
		return this;
	}

	/** A list item, kept in the same block as the item before it. */
	Markdown item(String line) {
		if (!text.isEmpty()) {
			text.append(endsWithItem() ? "\n" : "\n\n");
		}
		text.append("- ").append(line.strip());
		return this;
	}

	/** {@code text} as inline code, with backticks that cannot end it early. */
	static String inline(String code) {
		return code.contains("`") ? "`` " + code + " ``" : "`" + code + "`";
	}

	private boolean endsWithItem() {
		int lineStart = text.lastIndexOf("\n") + 1;
		return text.indexOf("- ", lineStart) == lineStart;
	}

	private void separate() {
		if (!text.isEmpty()) {
			text.append("\n\n");
		}
	}

	@Override
	public String toString() {
		return text.toString();
	}
}
