package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The emulator's Lua is Lua 5.1: every program in {@code lua51/} (strings, tables, numbers,
 * closures, varargs, coroutines, metatables, environments, modules, errors and their messages)
 * prints byte for byte what {@code lua5.1} prints.
 */
class Lua51DifferentialTest {

    private static final Path PROGRAMS = Path.of(System.getProperty("pearl.lua51.programs", "lua51"));

    @TestFactory
    Stream<DynamicTest> programsPrintWhatLua51Prints() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(PROGRAMS)) {
            programs = files.filter(f -> f.toString().endsWith(".lua")).sorted().toList();
        }
        assertTrue(programs.size() >= 10, "the suite of programs is missing: " + PROGRAMS.toAbsolutePath());
        return programs.stream().map(program -> DynamicTest.dynamicTest(program.getFileName().toString(), () -> {
            String name = program.getFileName().toString();
            String expected = LuaRunners.lua51(PROGRAMS, name);
            assertTrue(!expected.contains("lua5.1: "), "the program itself fails under lua5.1:\n" + expected);
            LuaRunners.assertSameLines(expected, LuaRunners.emulated(PROGRAMS, name));
        }));
    }
}
