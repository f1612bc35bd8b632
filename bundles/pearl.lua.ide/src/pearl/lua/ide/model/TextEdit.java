package pearl.lua.ide.model;

/** Replace the text in {@code range} with {@code newText}: an insertion when the range is empty. */
public record TextEdit(TextRange range, String newText) {

	/** Applies edits that do not overlap to {@code text}, in any order given. */
	public static String apply(String text, java.util.List<TextEdit> edits) {
		StringBuilder out = new StringBuilder(text);
		edits.stream().sorted((a, b) -> Integer.compare(b.range().offset(), a.range().offset()))
				.forEach(edit -> out.replace(edit.range().offset(), edit.range().end(), edit.newText()));
		return out.toString();
	}
}
