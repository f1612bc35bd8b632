package pearl.debug.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** NodeMCU projects for the tests, written into a temporary folder. */
final class Projects {

    /**
     * A timer project: line 5 is in {@code bump}, line 10 in the timer's callback, which is
     * armed on line 9 and prints "tick N" every second.
     */
    static final String TICKER = """
            local count = 0
            local t = tmr.create()

            local function bump(n)
              count = count + n
              return count
            end

            t:alarm(1000, tmr.ALARM_AUTO, function()
              local v = bump(2)
              print("tick", v)
            end)
            print("booted")
            """;

    private Projects() {
    }

    /** Writes {@code init.lua} with {@code text} into {@code dir}; returns the file. */
    static Path init(Path dir, String text) {
        return file(dir, "init.lua", text);
    }

    static Path file(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
