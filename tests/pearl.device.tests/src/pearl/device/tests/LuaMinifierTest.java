package pearl.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import pearl.device.repl.LuaMinifier;

/** The minifier keeps every line where it was and every string as it was. */
class LuaMinifierTest {

    private static long lines(String s) {
        return s.chars().filter(c -> c == '\n').count();
    }

    @Test
    void commentsAndIndentationGoLinesStay() {
        String source = """
                -- a comment line
                local function f(a, b)   -- trailing comment
                    if a == b then
                        return a  +  b
                    end
                    --[[ a long
                    comment over
                    three lines ]] return a - -b
                end
                """;
        String min = LuaMinifier.minify(source);
        assertEquals(lines(source), lines(min));
        assertEquals("\nlocal function f(a,b)\nif a==b then\nreturn a+b\nend\n\n\nreturn a- -b\nend\n", min);
    }

    @Test
    void stringsLongStringsAndCommentLookalikesInsideThemAreUntouched() {
        String source = "local s = \"-- not a comment  \"  .. '  [[ nor ]] this'\n"
                + "local l = [==[\n  keep   -- this\n ]] too\n]==]\n"
                + "local e = \"a\\\nb\"  -- an escaped line end inside a string\n"
                + "local n = 1 .. 2 local m = a.b  .. c\n";
        String min = LuaMinifier.minify(source);
        assertEquals(lines(source), lines(min));
        assertTrue(min.contains("\"-- not a comment  \"..'  [[ nor ]] this'"), min);
        assertTrue(min.contains("[==[\n  keep   -- this\n ]] too\n]==]"), min);
        assertTrue(min.contains("\"a\\\nb\""), min);
        // a blank stays where two tokens would otherwise merge (1.. would read as a number)
        assertTrue(min.contains("1 ..2"), min);
        assertTrue(min.contains("a.b..c"), min);
    }

    @Test
    void unreadableSourceIsLeftAsItIs() {
        String broken = "print(\"unfinished\n   x = 1\n";
        assertEquals(broken, LuaMinifier.minify(broken));
    }
}
