package pearl.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pearl.emulator.ProjectBoard;
import pearl.emulator.testing.JUnitXml;
import pearl.emulator.testing.SuiteFiles;
import pearl.emulator.testing.SuiteRunner;
import pearl.emulator.testing.Tap;
import pearl.emulator.testing.TestReport;
import pearl.emulator.testing.TextReport;

/**
 * {@code pearl test}: runs a project's NTest suites, each on a fresh emulated board in virtual
 * time, and reports them as text, TAP or JUnit XML. Exit 0 only when every test of every suite
 * passed.
 */
final class TestCommand implements Command {

    /** Exit code when a test failed, or a suite hung, rebooted or ran out of heap. */
    static final int FAILED = 1;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "run a project's NTest suites on emulated boards (virtual time, for CI)";
    }

    @Override
    public String usage() {
        return "Usage: pearl test [OPTIONS] PROJECT_DIR [SUITE...]\n\n"
                + "Runs NodeMCU NTest suites (default: test/**/*_test.lua and NTest_*.lua), each on a fresh\n"
                + "board with the project's files, without init.lua, in virtual time. require(\"NTest\") finds\n"
                + "the project's own NTest.lua, else Pearl's. A suite that hangs, reboots or runs out of heap\n"
                + "fails with that reason. Exit 0 when all tests pass, 1 otherwise.\n\nOptions:\n"
                + "  --junit FILE      also write the results as JUnit XML to FILE\n"
                + "  --tap             print the results in TAP (Test Anything Protocol) instead of text\n"
                + "  --profile FILE    the board's firmware build (modules), as for pearl run\n"
                + "  --for DURATION    virtual time each suite may take before it counts as hung (default 60s)\n";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        Path junit = null;
        boolean tap = false;
        Path profile = null;
        long forMicros = SuiteRunner.DEFAULT_FOR_MICROS;
        List<String> positional = new ArrayList<>();
        ArgumentReader in = new ArgumentReader(args);
        while (in.hasNext()) {
            String arg = in.next();
            switch (arg) {
                case "--tap" -> tap = true;
                case "--junit" -> junit = Path.of(in.value(arg));
                case "--profile" -> profile = Path.of(in.value(arg));
                case "--for" -> forMicros = ArgumentReader.duration(arg, in.value(arg));
                default -> positional.add(ArgumentReader.plain(arg));
            }
        }
        if (positional.isEmpty()) {
            throw new UsageException("which project? Give its folder");
        }
        Path project = Path.of(positional.get(0));
        try {
            List<String> suites = positional.size() > 1 ? suiteNames(project, positional.subList(1, positional.size()))
                    : SuiteFiles.find(project);
            if (suites.isEmpty()) {
                console.err().println("pearl test: no suites in " + project + " (test/**/*_test.lua, NTest_*.lua)");
                return FAILED;
            }
            SuiteRunner runner = new SuiteRunner(new ProjectBoard(project, profile, 1, 0, true, false), forMicros,
                    warning -> console.err().println("pearl test: warning: " + warning));
            TestReport report = runner.run(suites);
            if (tap) {
                Tap.write(report, console.out());
            } else {
                TextReport.write(report, console.out());
            }
            if (junit != null) {
                try (Writer out = Files.newBufferedWriter(junit)) {
                    JUnitXml.write(report, out);
                }
            }
            return report.allPassed() ? 0 : FAILED;
        } catch (IOException e) {
            console.err().println("pearl test: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** Suites named on the command line, as paths in the project (given relative to it, or to here). */
    private static List<String> suiteNames(Path project, List<String> named) throws UsageException {
        List<String> suites = new ArrayList<>();
        for (String name : named) {
            Path path = Path.of(name);
            Path inProject = Files.isRegularFile(project.resolve(path)) ? path
                    : path.toAbsolutePath().normalize().startsWith(project.toAbsolutePath().normalize())
                            ? project.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize())
                            : null;
            if (inProject == null || !Files.isRegularFile(project.resolve(inProject))) {
                throw new UsageException("no suite " + name + " in " + project);
            }
            suites.add(inProject.toString().replace(java.io.File.separatorChar, '/'));
        }
        return suites;
    }
}
