package pearl.lua.lint.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A path glob of {@code .luacheckrc} ({@code files} keys, {@code exclude_files}), relative to the
 * configuration's folder: {@code *} is any run of characters within one path segment, {@code ?}
 * one character, a {@code **} segment any number of segments (none included). A glob that
 * matches a folder matches everything below it, so {@code files["src/dir"]} covers
 * {@code src/dir/a/b.lua}. Paths use {@code /}; {@code \} is taken for {@code /} and {@code .}
 * segments are dropped on both sides.
 */
final class PathGlob {

	/**
	 * Orders globs from the most general to the most specific, the order in which luacheck applies
	 * {@code files} entries: fewer segments that are not {@code **} first, then fewer literal
	 * characters, then by text so the order never depends on a Lua table's iteration order.
	 */
	static final Comparator<PathGlob> BY_SPECIFICITY = Comparator.comparingInt((PathGlob glob) -> glob.fixedSegments)
			.thenComparingInt(glob -> glob.literalCharacters).thenComparing(glob -> glob.text);

	private final String text;
	private final List<String> segments;
	private final int fixedSegments;
	private final int literalCharacters;

	PathGlob(String glob) {
		this.text = glob;
		this.segments = segments(glob);
		this.fixedSegments = (int) segments.stream().filter(s -> !s.equals("**")).count();
		this.literalCharacters = (int) segments.stream().flatMapToInt(String::chars).filter(c -> c != '*' && c != '?').count();
	}

	/** The glob as written in the configuration. */
	String text() {
		return text;
	}

	/** Whether {@code relativePath} (relative to the configuration's folder) is this glob's or below it. */
	boolean matches(String relativePath) {
		return match(0, segments(relativePath), 0);
	}

	/** Splits a path into its segments, dropping empty and {@code .} ones. */
	static List<String> segments(String path) {
		List<String> result = new ArrayList<>();
		for (String segment : path.replace('\\', '/').split("/")) {
			if (!segment.isEmpty() && !segment.equals(".")) {
				result.add(segment);
			}
		}
		return result;
	}

	private boolean match(int g, List<String> path, int p) {
		if (g == segments.size()) {
			return true; // the rest of the path lies below what matched
		}
		String segment = segments.get(g);
		if (segment.equals("**")) {
			for (int skip = p; skip <= path.size(); skip++) {
				if (match(g + 1, path, skip)) {
					return true;
				}
			}
			return false;
		}
		return p < path.size() && segmentMatches(segment, 0, path.get(p), 0) && match(g + 1, path, p + 1);
	}

	private static boolean segmentMatches(String glob, int g, String name, int n) {
		while (g < glob.length()) {
			char c = glob.charAt(g);
			if (c == '*') {
				for (int rest = n; rest <= name.length(); rest++) {
					if (segmentMatches(glob, g + 1, name, rest)) {
						return true;
					}
				}
				return false;
			}
			if (n >= name.length() || c != '?' && c != name.charAt(n)) {
				return false;
			}
			g++;
			n++;
		}
		return n == name.length();
	}

	@Override
	public String toString() {
		return text;
	}
}
