package pearl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import pearl.lua.LuaSources;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.Linter;

/**
 * {@code pearl lint --bench}: how fast the linter is, in figures. Lints the given files several
 * times in one process (throughput once the JVM is warm), then edits one character of a
 * 2,000-line file again and again and times each revalidation as the editor does it: partial
 * reparse, syntax errors, every rule. Prints the figures; asserts nothing.
 */
final class LintBenchmark {

	private static final int RUNS = 5;
	private static final int EDITS = 200;
	private static final int EDITED_FILE_LINES = 2000;

	private final LuaSources sources;
	private final Linter linter;
	private final Console console;

	LintBenchmark(LuaSources sources, Linter linter, Console console) {
		this.sources = sources;
		this.linter = linter;
		this.console = console;
	}

	void run(List<Linter.Source> files) {
		long lines = files.stream().mapToLong(f -> f.text().lines().count()).sum();
		console.out().printf(Locale.ROOT, "throughput: %d files, %d lines, linted %d times in one process%n", files.size(), lines, RUNS);
		double[] seconds = new double[RUNS];
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			linter.lint(files);
			seconds[run] = (System.nanoTime() - start) / 1e9;
			console.out().printf(Locale.ROOT, "  run %d: %.2f s, %.0f files/s, %.0f lines/s%n", run + 1, seconds[run], files.size() / seconds[run],
					lines / seconds[run]);
		}
		double median = median(seconds);
		console.out().printf(Locale.ROOT, "  median: %.2f s, %.0f files/s, %.0f lines/s%n", median, files.size() / median, lines / median);
		revalidation(files);
	}

	/** One character typed and deleted, alternately, in the middle of a 2,000-line file. */
	private void revalidation(List<Linter.Source> files) {
		String text = editedFile(files);
		if (text == null) {
			console.out().println("revalidation: not measured (the files given hold fewer than " + EDITED_FILE_LINES + " lines of valid Lua)");
			return;
		}
		Linter.Source source = new Linter.Source("bench.lua", text);
		LuaSources.Parsed parsed = sources.parse(source.fileName(), text);
		int offset = text.indexOf('\n', text.length() / 2) + 1; // start of a line in the middle
		double[] millis = new double[EDITS];
		for (int i = 0; i < EDITS; i++) {
			boolean insert = i % 2 == 0;
			long start = System.nanoTime();
			parsed = insert ? sources.update(parsed, offset, 0, " ") : sources.update(parsed, offset, 1, "");
			List<LintIssue> issues = linter.lint(source, parsed);
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (issues.stream().anyMatch(issue -> issue.code().equals(LintIssue.SYNTAX))) {
				throw new IllegalStateException("the benchmark's edit broke the file: " + issues.get(0).toText());
			}
		}
		double[] warm = Arrays.copyOfRange(millis, EDITS / 4, EDITS); // the first edits also warm the JVM
		Arrays.sort(warm);
		console.out().printf(Locale.ROOT, "revalidation of a %d-line file after a one-character edit (%d edits, first %d as warm-up):%n",
				text.lines().count(), EDITS, EDITS / 4);
		console.out().printf(Locale.ROOT, "  median %.1f ms, 90th percentile %.1f ms, max %.1f ms%n", median(warm), warm[(int) (warm.length * 0.9)],
				warm[warm.length - 1]);
	}

	/** Valid files wrapped in do ... end (so a final return stays last in its block) until 2,000 lines. */
	private String editedFile(List<Linter.Source> files) {
		StringBuilder text = new StringBuilder();
		long lines = 0;
		for (Linter.Source file : files) {
			if (file.text().startsWith("#") || !sources.parse(file.fileName(), file.text()).syntaxErrors().isEmpty()) {
				continue;
			}
			List<String> fileLines = file.text().lines().toList();
			List<String> taken = new ArrayList<>(fileLines.subList(0, (int) Math.min(fileLines.size(), EDITED_FILE_LINES - lines - 2)));
			String candidate = "do\n" + String.join("\n", taken) + "\nend\n";
			if (!sources.parse("part.lua", candidate).syntaxErrors().isEmpty()) {
				continue; // cut in the middle of a construct
			}
			text.append(candidate);
			lines += taken.size() + 2;
			if (lines >= EDITED_FILE_LINES - 2) {
				return text.toString();
			}
		}
		return null;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}
}
