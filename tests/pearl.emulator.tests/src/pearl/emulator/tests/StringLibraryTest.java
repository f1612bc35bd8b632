package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.VarArgFunction;

import pearl.emulator.lua.ArgumentError;
import pearl.emulator.lua.StringLibrary;

/**
 * Pearl's {@code string} library against the real Lua 5.1 ({@code lua5.1} on the path): each
 * snippet runs in both and must print the same bytes. The Pearl side runs on a bare LuaJ state with
 * only the string library and a few base functions written here. Errors are caught with
 * {@code pcall(string.f, ...)}, where Lua 5.1 names the function {@code '?'} as Pearl does without
 * the board's hooks. A few board-only behaviours (32-bit {@code long}, the firmware's {@code %}
 * operator and wording) are checked directly.
 */
class StringLibraryTest {

	private static final String LUA51 = "/usr/bin/lua5.1";

	/** Shared by every snippet: {@code show(...)} writes how many values and each one. */
	private static final String PRELUDE = """
			local function show(...)
			  local n = select('#', ...)
			  io.write(n, ":")
			  for i = 1, n do
			    local v = select(i, ...)
			    if type(v) == "string" then io.write("'", v, "'") else io.write(tostring(v)) end
			    io.write(",")
			  end
			  io.write("\\n")
			end
			local NUL = string.char(0)
			""";

	// ------------------------------------------------------------------ the snippets

	private static final List<String[]> CASES = new ArrayList<>();

	private static void snippet(String name, String lua) {
		CASES.add(new String[] { name, lua });
	}

	static {
		snippet("len lower upper reverse", """
				show(string.len(""), string.len("abc"), string.len("a" .. NUL .. "b"), string.len(123), ("xyz"):len())
				show(string.len(1e15), string.len(0.1), string.len(1/3), string.len(-0.5))
				show(string.lower("HeLLo 123 [@]`{"), string.upper("HeLLo 123 [@]`{"), ("MiXeD"):lower(), ("MiXeD"):upper())
				show(string.lower("\\200\\192\\255"), string.upper("\\224\\233"), string.upper(1.5), string.lower(1e300))
				show(string.reverse("abc"), string.reverse(""), string.reverse(1.5), ("a" .. NUL .. "b"):reverse())
				""");
		snippet("rep", """
				show(string.rep("ab", 3), string.rep("x", 0), string.rep("x", -1), string.rep("", 5), string.rep(1, 3))
				show(("-"):rep(10), string.rep("a", 1), #string.rep("abc", 1000), string.rep(NUL, 2))
				show(string.rep("x", "3"), string.rep(0.5, 2))
				""");
		snippet("sub", """
				local s = "hello world"
				local idx = {-100, -12, -11, -10, -5, -1, 0, 1, 2, 5, 10, 11, 12, 100}
				for a = 1, #idx do
				  for b = 1, #idx do io.write(string.sub(s, idx[a], idx[b]), "|") end
				  io.write(string.sub(s, idx[a]), "\\n")
				end
				show(s:sub(3), s:sub(-3), ("x"):sub(2), string.sub(12345, 2, 3), string.sub("abc", "2"), string.sub("", 1, 1))
				show(string.sub("abc", 2, nil), string.sub("abc", 2147483647), string.sub("abc", -2147483647, 2))
				""");
		snippet("byte char", """
				show(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, -1))
				show(string.byte("ABC", 0, 10), string.byte("ABC", 3, 2), string.byte(""), string.byte("ABC", -10, -2))
				show(string.byte("\\0\\255\\128", 1, 3), string.byte(65), ("xyz"):byte(-1), string.byte("ABC", nil, 2))
				show(select('#', string.byte(string.rep("a", 7997), 1, -1)))
				show(pcall(string.byte, string.rep("a", 7998), 1, -1))
				show(pcall(string.byte, string.rep("a", 8000), 1, -1))
				show(string.char(72, 105), string.char(), string.char(0, 1, 255), string.char("65"), string.char(65.0))
				""");
		snippet("argument errors", """
				show(pcall(string.len))
				show(pcall(string.len, {}))
				show(pcall(string.lower, nil))
				show(pcall(string.upper, true))
				show(pcall(string.reverse))
				show(pcall(string.rep, "x"))
				show(pcall(string.rep, "x", "y"))
				show(pcall(string.rep, nil, 2))
				show(pcall(string.sub, "x"))
				show(pcall(string.sub, "x", {}))
				show(pcall(string.sub, "x", 1, "y"))
				show(pcall(string.byte))
				show(pcall(string.byte, "a", "x"))
				show(pcall(string.byte, "a", 1, false))
				show(pcall(string.char, 256))
				show(pcall(string.char, -1))
				show(pcall(string.char, 65, "x"))
				show(pcall(string.char, 65, nil))
				show(pcall(string.find))
				show(pcall(string.find, "x"))
				show(pcall(string.find, "x", "y", "z"))
				show(pcall(string.match, "x"))
				show(pcall(string.match, nil, "x"))
				show(pcall(string.gmatch, "x"))
				show(pcall(string.gsub, "x"))
				show(pcall(string.gsub, "x", "y", "z", "w"))
				show(pcall(string.format))
				show(pcall(string.format, {}))
				show(pcall(string.dump))
				show(pcall(string.dump, 1))
				show(pcall(string.dump, print))
				""");
		snippet("find plain and init", """
				local s = "hello world, hello lua"
				show(s:find("hello"), s:find("hello", 2), s:find("hello", -9), s:find("l"), s:find("xyz"))
				show(s:find("o w"), s:find(""), s:find("", 100), s:find("", -100), s:find("", 23), s:find("", 24))
				show(s:find(".", 1, true), s:find("o.", 1, true), ("a.b"):find(".", 1, true), ("a+b"):find("+", 1, true))
				show(("a.b"):find("."), ("a+b"):find("a+"), ("x^y"):find("^y"), ("x^y"):find("^", 1, true))
				show(("abc"):find("b", 10), ("abc"):find("b", -1), ("abc"):find("^b"), ("abc"):find("^b", 2))
				show(string.find("a" .. NUL .. "b", NUL), string.find("a" .. NUL .. "b", "%z"), string.find("a" .. NUL .. "b", "[%z]"))
				show(string.find("a" .. NUL .. ".b", NUL .. "."), string.find("a" .. NUL .. ".b", "a" .. NUL .. "x"))
				show(string.find("ab", "b" .. NUL .. "%"), string.find(12345, 34), string.find("abc", "b", nil, nil))
				show(string.find("a.b", ".", 1, 0), string.find("a.b", ".", 1, false), string.find("a.b", "%.", 3), ("abc"):find("c", 3))
				show(("aaa"):find("aa", 2), ("aaa"):find("aa", 3), ("abc"):find("abcd"), (""):find(""), (""):find("", 2))
				""");
		snippet("match items", """
				local cases = {
				  {"hello world", "%a+"}, {"hello world", "(%a+) (%a+)"}, {"  x = 10  ", "^%s*(.-)%s*$"},
				  {"key=val", "(%w+)=(%w+)"}, {"abc123def", "%d+"}, {"abc", "%d*"}, {"abc", "()b()"},
				  {"THE (quick) fox", "%((%a+)%)"}, {"f(a(b)c)d", "%b()"}, {"[[x]]", "%b[]"}, {"((x)", "%b()"},
				  {"THE (quick) fox", "%f[%a]%a+"}, {"hello", "%f[%l]"}, {"hello", "%f[%z]"}, {"hello", "%f[%w]%w+"},
				  {"THE (quick) fox", "%f[%a]%a+%f[%A]"}, {"x", "%f[%Z]"}, {"", "%f[%z]"}, {"", "%f[a]"},
				  {"abc", "^abc$"}, {"abc", "^b"}, {"a$b", "a$b"}, {"abc", "c$"}, {"ab$", "b$"}, {"ab$", "b%$"},
				  {"aaab", "a-b"}, {"aaab", "a*"}, {"aaab", "a+"}, {"aaab", "a?"}, {"b", "a?b"}, {"aaa", "a-"},
				  {"aaa", "^a-$"}, {"<a><b>", "<(.-)>"}, {"<a><b>", "<(.*)>"}, {"", ".*"}, {"", ".+"},
				  {"say \\"hi\\" and 'bye'", "([\\"'])(.-)%1"}, {"abcabc", "(abc)%1"}, {"aaa", "(a)%1%1"},
				  {"xx", "()x%1"}, {"abab", "((a)(b))%1"}, {"abc", "((a)(b))(c)"}, {"abc", "()"}, {"abc", "(a)()"},
				  {"abc", "()()()"}, {"abc", "(.)(.)(.)"}, {"abc", "(%a)(%a*)"}, {"a.b", "%."}, {"a%b", "%%"},
				  {"a]b", "[]]"}, {"a]b", "[^]]+"}, {"a-b", "[a-]+"}, {"-ab", "[-a]+"}, {"x]y", "[%]]"},
				  {"a-z", "[a%-z]+"}, {"ab-c", "[%w%-]+"}, {"ABCdef", "[A-Z]+"}, {"abc", "[^a]"}, {"^x", "[x^]+"},
				  {"f(x)", "%f[%(].*"}, {"a,b;c", "[,;]"}, {"tab\\there", "%c"}, {"x\\255y", "[\\128-\\255]"},
				  {"int x = 42;", "(%a+)%s+(%a+)%s*=%s*(%d+)"}, {"2024-01-15", "(%d+)-(%d+)-(%d+)"},
				  {"hello", "h(.-)o"}, {"hello", "l+"}, {"hello", "l-o"}, {"hello", "x*"}, {"hello", "[aeiou]+"},
				  {"a\\nb", "a.b"}, {"a\\nb", "a%sb"}, {"...", "%.+"}, {"a+b", "a%+b"}, {"ggg", "%g+"}, {"\\233", "%a"},
				}
				for i = 1, #cases do
				  local c = cases[i]
				  io.write(i, " ") show(string.match(c[1], c[2]))
				  io.write(i, " ") show(string.find(c[1], c[2]))
				end
				show(string.match("hello", "l", 4), string.match("hello", "l", -1), string.match("hello", "^l", 3), string.match("abc", "", 10))
				""");
		snippet("character classes", """
				local classes = {"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%z", "%A", "%C", "%D", "%L", "%P",
				  "%S", "%U", "%W", "%X", "%Z", ".", "%.", "%%", "[a-f]", "[^a-f]", "[%a_]", "[]]", "[^]]", "[a-]", "[-a]",
				  "[%]]", "[a%-z]", "[%w%-]", "[%d%s]", "[^%d%s]", "[z-a]", "[%z]", "[^%z]", "[\\200-\\210]", "%q", "%Q"}
				for k = 1, #classes do
				  io.write(classes[k], ":")
				  for i = 0, 255 do
				    if string.find(string.char(i), "^" .. classes[k] .. "$") then io.write(" ", i) end
				  end
				  io.write("\\n")
				end
				""");
		snippet("pattern errors", """
				local pats = {"%", "[a", "[", "[^", "[%", "[a%", "(", "(()", ")", "a)", "%b", "%ba", "%f", "%fa", "%f[a",
				  "%1", "(a)%2", "(a%1)", "%0", "[]", "[^]", "x%", "(x", "%b()", "()", "(%1)", "((a)%2)"}
				for i = 1, #pats do
				  io.write(pats[i], " ") show(pcall(string.find, "abc(a)", pats[i]))
				  io.write(pats[i], " ") show(pcall(string.match, "abc(a)", pats[i]))
				  io.write(pats[i], " ") show(pcall(string.gsub, "abc(a)", pats[i], "x"))
				  local it = string.gmatch("abc(a)", pats[i])
				  io.write(pats[i], " ") show(pcall(it))
				  io.write(pats[i], " ") show(pcall(it))
				end
				show(select('#', string.find("a", string.rep("()", 32))))
				show(pcall(string.find, "a", string.rep("()", 33)))
				show(pcall(string.match, "a", string.rep("(", 32) .. "a" .. string.rep(")", 32)))
				show(pcall(string.gsub, "abc", "(", "x"))
				""");
		snippet("gmatch", """
				for w in string.gmatch("one two  three", "%a+") do io.write(w, ";") end io.write("\\n")
				for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, ";") end io.write("\\n")
				for p in string.gmatch("abc", "()") do io.write(p, ";") end io.write("\\n")
				for w in string.gmatch("abc", "a*") do io.write("[", w, "]") end io.write("\\n")
				for w in string.gmatch("^a^a", "^a") do io.write(w, ";") end io.write("\\n")
				for w in string.gmatch("x y", "%a") do io.write(w) end io.write("\\n")
				for w in string.gfind("x y z", "%a") do io.write(w) end io.write("\\n")
				for a, b in string.gmatch("abcd", "(.)()") do io.write(a, b, ";") end io.write("\\n")
				for w in string.gmatch("", ".*") do io.write("[", w, "]") end io.write("\\n")
				for w in string.gmatch("hello world from lua", "%f[%w]%w+") do io.write(w, ";") end io.write("\\n")
				for w in string.gmatch(12.5, "%d") do io.write(w, ";") end io.write("\\n")
				local it = string.gmatch("ab", ".") show(it(), it(), it(), it())
				local it2 = string.gmatch("aXbXc", "(%a)X?") show(it2()) show(it2()) show(it2()) show(it2())
				""");
		snippet("gsub", """
				show(string.gsub("hello world", "o", "0"))
				show(string.gsub("hello world", "o", "0", 1))
				show(string.gsub("hello world", "o", "0", 0))
				show(string.gsub("hello world", "o", "0", -1))
				show(string.gsub("hello world", "o", "0", 2.9))
				show(string.gsub("hello world", "(o)", "[%1%1]"))
				show(string.gsub("hello world", "%w+", "<%0>"))
				show(string.gsub("hello world", "%w+", "%%"))
				show(string.gsub("hello world", "(%w+) (%w+)", "%2 %1"))
				show(string.gsub("hello", "", "-"))
				show(string.gsub("hello", "^", ">"))
				show(string.gsub("hello", "$", "<"))
				show(string.gsub("hello", "^h", "H"))
				show(string.gsub("hello", "^x", "H"))
				show(string.gsub("hello", "l*", "L"))
				show(string.gsub("abc", "%w", "%1"))
				show(string.gsub("abc", "b", "%a%b%%%."))
				show(string.gsub("abc", "b", "x%"))
				show(string.gsub("$name is $age", "%$(%w+)", {name = "bob", age = 42}))
				show(string.gsub("$name is $x", "%$(%w+)", {name = "bob"}))
				show(string.gsub("$name is $x", "%$(%w+)", setmetatable({}, {__index = function(t, k) return k:upper() end})))
				show(string.gsub("abc", "%w", function(c) return c:upper() .. "." end))
				show(string.gsub("abc", "%w", function(c) if c == "b" then return false end return nil end))
				show(string.gsub("a1b2", "(%a)(%d)", function(a, d) return d .. a end))
				show(string.gsub("abc", "()", function(p) return p end))
				show(string.gsub("abc", "()", "%1"))
				show(string.gsub("abc", "()b", "%1"))
				show(string.gsub("abc", "()b", {[2] = "two"}))
				show(string.gsub("abc", "b", 5))
				show(string.gsub("abc", "b", 0.25))
				show(string.gsub(123, 2, 9))
				show(string.gsub("a.b.c", "%.", "/"))
				show(string.gsub("  trim  ", "^%s*(.-)%s*$", "%1"))
				show(string.gsub("abc", ".", {a = 1, b = "B"}))
				show(string.gsub("one two", "(%w+)", "%1 %1", 1))
				show(string.gsub("x" .. NUL .. "y", "%z", "0"))
				show(string.gsub("abc", "b" .. NUL .. "zzz", "X"))
				show(string.gsub("abc", ".", "%0" .. NUL))
				show(string.gsub("hello world", "%f[%w]%w+", function(w) return w:sub(1, 1):upper() .. w:sub(2) end))
				show(string.gsub("abc", "", ""))
				show(string.gsub("", "", "x"))
				show(string.gsub("", "x*", "y"))
				show(pcall(string.gsub, "abc", "b", {b = {}}))
				show(pcall(string.gsub, "abc", "b", {b = true}))
				show(pcall(string.gsub, "abc", "b", function() return {} end))
				show(pcall(string.gsub, "abc", "(b)", "%2"))
				show(pcall(string.gsub, "abc", "b", "%2"))
				show(pcall(string.gsub, "abc", "b", "x", "y"))
				""");
		snippet("format numbers", """
				local nums = {0, 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 100, 1e15, 1e20, 1e-5, 0.0001, 123456.789, -3.75,
				  2^31, 2^53, 1/3, 1e100, 1e-300, 5e-324, 1.7976931348623157e308, 0.000123456, 9.9999995}
				local fmts = {"%g", "%G", "%.3g", "%10.3g", "%-10.3g|", "%#g", "%#.3g", "%.0g", "%e", "%E", "%.0e", "%#.0e",
				  "%+.3e", "%f", "%.0f", "%#.0f", "%.10f", "%+f", "% f", "%012.4f", "%-12.4f|", "%5.2f", "%5.1f",
				  "%.14g", "%.20g", "%99.2e", "% 08.2f", "%+-8.2f|", "%-+#09.3g|"}
				for i = 1, #fmts do
				  io.write(fmts[i], ":")
				  for k = 1, #nums do io.write(" ", string.format(fmts[i], nums[k])) end
				  io.write("\\n")
				end
				show(string.format("%5.2f|%.3f|%10.4f|", 3.14159, "2.5", 1/3))
				show(string.format("%g %g %g %g", 1e20, 0.0001, 100, 1e15))
				show(string.format("%f", 1e20), string.format("%.2f", 2^63), string.format("%g|%e|%.0f", 999999.5, 999999.5, 999999.5))
				""");
		snippet("format integers", """
				local ints = {0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 3.7, -3.7, 0.5, "17", 1e9}
				local fmts = {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%i",
				  "%+05i", "%.0d", "% -6d|", "%-06d|", "%2d"}
				for i = 1, #fmts do
				  io.write(fmts[i], ":")
				  for k = 1, #ints do io.write(" ", string.format(fmts[i], ints[k])) end
				  io.write("\\n")
				end
				local uints = {0, 1, 8, 42, 255, 4095, 65535, 2147483647, 4294967295, 3.99}
				local ufmts = {"%x", "%X", "%#x", "%#X", "%o", "%#o", "%u", "%08x", "%-8x|", "%#10x", "%#010x", "%.4x",
				  "%#.0o", "%.0x", "%+x", "% u", "%5u"}
				for i = 1, #ufmts do
				  io.write(ufmts[i], ":")
				  for k = 1, #uints do io.write(" ", string.format(ufmts[i], uints[k])) end
				  io.write("\\n")
				end
				show(string.format("%05d|%#x|%5.3d|%-05d|%+ d|% d", 42, 255, 7, 7, 7, 7))
				""");
		snippet("format strings chars quoting", """
				show(string.format("%s|%10s|%-10s|%.2s|%5.1s|%.0s|%.s|", "hello", "hi", "hi", "hello", "abc", "abc", "abc"))
				show(string.format("%s %s %s %s", 10, 1.5, 1e100, 2^53), string.format("%5s|%-5s|", 1, 2))
				show(string.format("%c%c%c", 76, 117, 97), string.format("%5c|%-5c|", 65, 66), string.format("%c", 255))
				show(string.format("%c", 0), string.format("%5c|%-5c|", 0, 0), string.format("[%c]", 256 + 65))
				show(string.format("%s|%5s", "a" .. NUL .. "b", "a" .. NUL .. "b"))
				local long = string.rep("x", 99) .. NUL .. "y"
				show(#string.format("%s", long), #string.format("%99s", string.rep("x", 150)), #string.format("%5s", string.rep("x", 99)))
				show(#string.format("%.99s", string.rep("x", 150)), #string.format("%s", string.rep("x", 99) .. NUL))
				show(string.format("%q", "a" .. NUL .. "b\\r\\n\\t\\"\\\\\\1\\127\\255z"))
				show(string.format("%q", ""), string.format("%q", 1/3), string.format("%q", 10), string.format("%10q|", "x"))
				show(string.format("%q", "\\0001"), string.format("%q", "\\r\\n\\r"))
				show(string.format("100%%"), string.format("%%d"), string.format("%% %s %%", "x"), string.format("no args"))
				show(string.format("%d %s %5.1f %x %q", 1, "two", 3, 4, "5"))
				show(string.format("%s", true and "t"), string.format("%-5s|%5s|", "abcdef", "abcdef"))
				show(string.format("%05s|%-05s|", "ab", "ab"), string.format("%.3s|%.10s|", "ab" .. NUL .. "cd", "xyz"))
				show(("%d"):format(5), ("%s-%s"):format("a", "b"), string.format("%s", "x", "extra", "args"))
				""");
		snippet("format errors", """
				local cases = {
				  {"%d"}, {"%y"}, {"%y", 1}, {"%", 1}, {"%"}, {"%5", 1}, {"%-", 1}, {"%------d", 1}, {"%-----d", 1},
				  {"%+- #0d", 1}, {"%123d", 1}, {"%1.123d", 1}, {"%.123f", 1}, {"%12.12f", 1}, {"%d", "x"}, {"%d", {}},
				  {"%s", {}}, {"%s", nil}, {"%q"}, {"%q", nil}, {"%c", "x"}, {"%l", 1}, {"%ld", 1}, {"%h", 1},
				  {"%n", 1}, {"%p", 1}, {"%a", 1}, {"%F", 1}, {"%d %d", 1}, {"%s %s", "a"}, {"x%", 1}, {"%" .. NUL, 1},
				  {"%*d", 1, 2}, {"%.", 1}, {"%.d", 5}, {"%.f", 2.5}, {"%0.e", 2.5}, {"%.120s", "x"},
				}
				for i = 1, #cases do
				  local c = cases[i]
				  io.write(i, " ") show(pcall(string.format, c[1], c[2], c[3]))
				end
				show(pcall(string.format, "%d"))
				show(pcall(string.format, "%s"))
				show(pcall(string.format, "%d %d", 1))
				show(pcall(string.format, "%y"))
				show(pcall(string.format, "%"))
				show(pcall(string.format, "%5.1f %q", 1))
				""");
		snippet("methods and coercion", """
				local s = "Hello"
				show(s:upper(), s:lower(), s:len(), s:sub(2, 3), s:rep(2), s:reverse(), s:byte(1), s:find("l"), s:match("(l+)"))
				show(s:gsub("l", "L"), ("%5.1f"):format(3.14159), ("x"):rep(3, 4))
				""");
		snippet("dump", """
				local f = function(a, b) local c = a * 2 return c + (b or 0), "x" .. a end
				local d = string.dump(f)
				show(type(d), #d > 0, d:sub(1, 4) == "\\27Lua", loadstring(d)(21, 1))
				show(pcall(string.dump, string.len))
				show(pcall(string.dump, "f"))
				""");
	}

	@TestFactory
	Stream<DynamicTest> behavesAsLua51() {
		assertTrue(Files.isExecutable(Path.of(LUA51)), "lua5.1 is not installed (Debian package lua5.1)");
		return CASES.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
			String lua = PRELUDE + c[1];
			String expected = text(runLua51(lua));
			// a snippet must run to its end: an error outside pcall would hide the lines after it
			assertTrue(!expected.contains("stack traceback"), expected);
			assertSameLines(expected, text(runPearl(lua)));
		}));
	}

	// ------------------------------------------------------------------ board-only behaviour

	@Test
	void gsubNamesTheFirmwaresReplacementTypes() {
		assertEquals("false\tbad argument #3 to '?' (string/function/table/lightfunction expected)\n",
				text(runPearl("print(pcall(string.gsub, 'abc', 'b', true))")));
		assertEquals("false\tbad argument #3 to '?' (string/function/table/lightfunction expected)\n",
				text(runPearl("print(pcall(string.gsub, 'abc', 'b'))")));
	}

	@Test
	void integersAreTheBoards32BitLongs() {
		assertEquals("2147483647 -2147483648 ffffffff 4294967295 ffffffff 0 80000000\n", text(runPearl(
				"print(string.format('%d %d %x %u %x %x %x', 2^40, -2^40, -1, 2^40, 2^32, 0/0, -2^40))")));
		assertEquals("2147483647\n", text(runPearl("print(string.format('%i', 1e100))")));
	}

	@Test
	void percentOperatorFormats() {
		assertEquals("1-a\n5\n  3.1\nx\n", text(runPearl("""
				print("%d-%s" % {1, "a"})
				print("%d" % 5)
				print("%5.1f" % 3.14159)
				print("x" % {})
				""")));
		String error = text(runPearl("print(pcall(function() return '%d' % 'x' end))"));
		assertTrue(error.startsWith("false\t") && error.contains("bad argument #2") && error.endsWith("(number expected, got string)\n"), error);
	}

	@Test
	void argumentErrorsCarryTheProblem() {
		LuaTable string = StringLibrary.create();
		ArgumentError e = assertThrows(ArgumentError.class, () -> string.get("rep").call());
		assertTrue(e.getMessage().contains("#1") && e.getMessage().contains("(string expected, got no value)"),
				e.getMessage());
		e = assertThrows(ArgumentError.class,
				() -> string.get("char").call(LuaValue.valueOf(65), LuaValue.valueOf(300)));
		assertTrue(e.getMessage().contains("#2") && e.getMessage().contains("(invalid value)"), e.getMessage());
		e = assertThrows(ArgumentError.class, () -> string.get("format").call(LuaValue.valueOf("%d")));
		assertTrue(e.getMessage().contains("#2") && e.getMessage().contains("(no value)"), e.getMessage());
		LuaError plain = assertThrows(LuaError.class,
				() -> string.get("find").call(LuaValue.valueOf("x"), LuaValue.valueOf("%f")));
		assertEquals("missing '[' after '%f' in pattern", plain.getMessage());
	}

	@Test
	void frontierWorksAtBothEndsOfTheSubject() {
		assertEquals("1\t0\n6\t5\n1\t5\n", text(runPearl("""
				print(string.find("hello", "%f[%w]"))
				print(string.find("hello", "%f[%W]"))
				print(string.find("hello", "%f[%w].-%f[%W]"))
				""")));
	}

	// ------------------------------------------------------------------ running the snippets

	private static void assertSameLines(String expected, String actual) {
		LuaRunners.assertSameLines(expected, actual);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] runLua51(String lua) throws IOException, InterruptedException {
		return LuaRunners.lua51(lua).getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Runs {@code lua} on Pearl's Lua machine; returns what it printed. */
	static byte[] runPearl(String lua) {
		return LuaRunners.emulated(null, lua, "@snippet.lua").getBytes(StandardCharsets.ISO_8859_1);
	}
}
