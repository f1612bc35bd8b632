package pearl.emulator.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite files of a project when none are named: {@code test/**}{@code /*_test.lua} and
 * {@code NTest_*.lua} (NodeMCU's own naming), anywhere in the project, sorted by path.
 */
public final class SuiteFiles {

    private static final PathMatcher UNDER_TEST = FileSystems.getDefault().getPathMatcher("glob:test/**_test.lua");
    private static final PathMatcher NTEST = FileSystems.getDefault().getPathMatcher("glob:NTest_*.lua");

    private SuiteFiles() {
    }

    /** The default suites of {@code project}, as {@code /} separated paths in it. */
    public static List<String> find(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            return files.filter(Files::isRegularFile).map(project::relativize)
                    .filter(p -> UNDER_TEST.matches(p) || NTEST.matches(p.getFileName()))
                    .map(p -> p.toString().replace(java.io.File.separatorChar, '/'))
                    .sorted().toList();
        }
    }
}
