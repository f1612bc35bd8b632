package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A completion's snippet ({@code ${1:name}}, {@code $0}, as {@link CompletionProposal#insertText()}
 * writes it) turned into what an editor without LSP inserts: the plain text, and the tab stops to
 * walk with Tab. Stops of the same number are one linked field: typing in one changes all.
 *
 * @param text  the text to insert, placeholders replaced by their default text
 * @param stops the tab stops in the order Tab visits them ({@code $1}, {@code $2}, …), the final
 *              caret ({@code $0}) last; a stop's offset is relative to the start of {@code text}
 */
public record SnippetText(String text, List<Stop> stops) {

	/**
	 * One place in the inserted text.
	 *
	 * @param number the snippet's number for it; 0 is where the caret ends
	 * @param offset where it starts in the text
	 * @param length the length of its default text
	 */
	public record Stop(int number, int offset, int length) {
	}

	public SnippetText {
		stops = List.copyOf(stops);
	}

	/** The plain text and stops of {@code snippet}; text that is not snippet syntax is kept as written. */
	public static SnippetText parse(String snippet) {
		StringBuilder text = new StringBuilder();
		List<Stop> stops = new ArrayList<>();
		parse(snippet, 0, false, text, stops);
		stops.sort(Comparator.comparingInt((Stop stop) -> stop.number() == 0 ? Integer.MAX_VALUE : stop.number())
				.thenComparingInt(Stop::offset));
		return new SnippetText(text.toString(), stops);
	}

	/** The linked stops of {@code number}, in text order. */
	public List<Stop> stops(int number) {
		return stops.stream().filter(stop -> stop.number() == number).toList();
	}

	/** Reads from {@code at} to the end, or to the {@code }} closing a placeholder when {@code nested}; returns where it stopped. */
	private static int parse(String snippet, int at, boolean nested, StringBuilder text, List<Stop> stops) {
		int i = at;
		while (i < snippet.length()) {
			char c = snippet.charAt(i);
			if (c == '\\' && i + 1 < snippet.length() && "$}\\".indexOf(snippet.charAt(i + 1)) >= 0) {
				text.append(snippet.charAt(i + 1));
				i += 2;
			} else if (nested && c == '}') {
				return i;
			} else if (c == '$' && i + 1 < snippet.length() && Character.isDigit(snippet.charAt(i + 1))) {
				int end = digitsEnd(snippet, i + 1);
				stops.add(new Stop(Integer.parseInt(snippet.substring(i + 1, end)), text.length(), 0));
				i = end;
			} else if (c == '$' && snippet.startsWith("{", i + 1) && i + 2 < snippet.length() && Character.isDigit(snippet.charAt(i + 2))) {
				int end = digitsEnd(snippet, i + 2);
				int number = Integer.parseInt(snippet.substring(i + 2, end));
				int start = text.length();
				int inner = stops.size();
				if (end < snippet.length() && snippet.charAt(end) == ':') {
					end = parse(snippet, end + 1, true, text, stops);
				}
				if (end >= snippet.length() || snippet.charAt(end) != '}') {
					// not a placeholder after all: keep what was written
					text.setLength(start);
					stops.subList(inner, stops.size()).clear();
					text.append(snippet, i, Math.min(snippet.length(), end + 1));
					i = end + 1;
					continue;
				}
				stops.add(new Stop(number, start, text.length() - start));
				i = end + 1;
			} else {
				text.append(c);
				i++;
			}
		}
		return i;
	}

	private static int digitsEnd(String snippet, int from) {
		int end = from;
		while (end < snippet.length() && Character.isDigit(snippet.charAt(end))) {
			end++;
		}
		return end;
	}
}
