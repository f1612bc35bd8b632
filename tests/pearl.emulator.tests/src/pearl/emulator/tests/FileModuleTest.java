package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.emulator.Spiffs;

/** The {@code file} module on a booted board, as a user's {@code init.lua} sees it. */
class FileModuleTest {

	private final Spiffs fs = new Spiffs(64 * 1024);

	/**
	 * Boots a board on {@link #fs} whose {@code init.lua} is {@code lines}, runs it for 3 s, and
	 * returns what it printed (see {@link LuaScripts#printed}).
	 */
	private List<String> run(String... lines) {
		return LuaScripts.printed(new TestBoards(fs, LuaScripts.initLua(lines)).run(3000));
	}

	@Test
	void theBasicModelWritesAndReadsTheLastOpenedFile() throws Exception {
		assertEquals(List.of(
				"true",
				"true\ttrue",
				"hello world",
				"line 2",
				"",
				"nil",
				"false\topen a file first"),
				run("print(file.open('a.txt', 'w') ~= nil)",
						"print(file.write('hello '), file.writeline('world'))",
						"file.writeline('line 2')",
						"file.close()",
						"file.open('a.txt')",
						"print(file.read())",
						"print(file.read())",
						"file.close()",
						"print(pcall(file.read))"));
		assertEquals("hello world\nline 2\n", new String(fs.getContents("a.txt"), StandardCharsets.ISO_8859_1));
	}

	@Test
	void theObjectModelHasTheSameOperationsAsMethods() throws Exception {
		assertEquals(List.of(
				"userdata",
				"true",
				"abcdef",
				"0",
				"ab\tcd",
				"false\topen a file first"),
				run("local fd = file.open('obj.txt', 'w+')",
						"print(type(fd))",
						"print(fd:write('abcdef'))",
						"fd:flush()",
						"print(file.getcontents('obj.txt'))",
						"print(fd:seek('set'))",
						"print(fd:read(2), fd:read(2))",
						"fd:close()",
						"print(pcall(fd.read, fd))"));
	}

	@Test
	void twoObjectsAreIndependentAndTheBasicModelUsesTheLastOne() throws Exception {
		assertEquals(List.of("11\t22", "22"),
				run("file.putcontents('one', '11') file.putcontents('two', '22')",
						"local a = file.open('one') local b = file.open('two')",
						"print(a:read(), b:read())",
						"b:seek('set', 0)",
						"print(file.read())",
						"a:close() b:close()"));
	}

	@Test
	void appendModesWriteAtTheEndWhereverTheSeek() throws Exception {
		assertEquals(List.of("start-more", "3", "start-more+", "nil"),
				run("file.putcontents('log', 'start')",
						"local fd = file.open('log', 'a') fd:write('-more') fd:close()",
						"print(file.getcontents('log'))",
						"fd = file.open('log', 'a+')",
						"print(fd:seek('end', -7))",
						"fd:write('+')",
						"fd:seek('set', 0)",
						"print(fd:read())",
						"fd:close()",
						"fd = file.open('log', 'r') print(fd:write('x')) fd:close()"));
	}

	@Test
	void seekMovesFromTheStartTheCurrentPositionOrTheEnd() throws Exception {
		assertEquals(List.of("3\td", "2\tcdef", "4\tef", "nil", "6\tnil",
				"lua: init.lua:10: bad argument #1 to 'seek' (invalid option 'middle')"),
				run("file.putcontents('s', 'abcdef')",
						"local fd = file.open('s')",
						"print(fd:seek('set', 3), fd:read(1))",
						"print(fd:seek('cur', -2), fd:read())",
						"print(fd:seek('end', -2), fd:read())",
						"print(fd:seek('set', -1))",
						"print(fd:seek('end'), fd:read())",
						"fd:seek()",
						"fd:seek('middle')"));
	}

	@Test
	void readlineReturnsEachLineWithItsNewlineThenNil() throws Exception {
		assertEquals(List.of("1\t6\tfirst|", "2\t1\t|", "3\t4\tlast", "4\tnil\tnil", "a,b,", "c"),
				run("file.putcontents('lines', 'first\\n\\nlast')",
						"file.open('lines')",
						"for i = 1, 4 do local l = file.readline() print(i, l and #l, l and (l:gsub('\\n', '|'))) end",
						"file.close()",
						"file.putcontents('csv', 'a,b,c')",
						"local fd = file.open('csv')",
						"print(fd:read(',') .. fd:read(','))",
						"print(fd:read(','))",
						"fd:close()"));
	}

	@Test
	void readsComeInChunksOf1024BytesByDefault() throws Exception {
		assertEquals(List.of("1024\t476\tnil", "2000", "1024", "false\twrong arg range"),
				run("file.putcontents('big', string.rep('x', 1500))",
						"local fd = file.open('big')",
						"print(#fd:read(), #fd:read(), fd:read())",
						"file.putcontents('bigger', string.rep('y', 1400) .. '\\n' .. string.rep('z', 1000))",
						"fd:close() fd = file.open('bigger')",
						"print(#fd:read(2000))",
						"fd:seek('set', 0)",
						"print(#fd:readline())",
						"print(pcall(fd.read, fd, 'ab'))",
						"fd:close()"));
	}

	@Test
	void everyByteValueSurvivesARoundTrip() throws Exception {
		assertEquals(List.of("256\ttrue\ttrue\ttrue"),
				run("local t = {} for i = 0, 255 do t[#t + 1] = string.char(i) end",
						"local s = table.concat(t)",
						"local fd = file.open('bin', 'w') fd:write(s) fd:close()",
						"fd = file.open('bin') local back = fd:read(256) fd:close()",
						"file.putcontents('bin2', back)",
						"print(#back, back == s, file.getcontents('bin') == s, file.getcontents('bin2') == s)"));
		byte[] all = new byte[256];
		for (int i = 0; i < 256; i++) {
			all[i] = (byte) i;
		}
		assertArrayEquals(all, fs.getContents("bin"));
	}

	@Test
	void listStatRenameRemoveAndExists() throws Exception {
		assertEquals(List.of(
				"a.txt=5 b.txt=3 c.lua=1 init.lua",
				"a.txt=5 b.txt=3",
				"a.txt\t5\tfalse\tfalse\t1970\t1\t1\t0\t0\t0",
				"nil",
				"true\tfalse\ttrue",
				"false\tfalse",
				"nil\tfalse\tfalse"),
				run("file.putcontents('a.txt', '12345') file.putcontents('b.txt', 'abc') file.putcontents('c.lua', 'x')",
						"local function show(t) local names = {} for k, v in pairs(t) do names[#names + 1] = k == 'init.lua' and k or k .. '=' .. v end table.sort(names) print(table.concat(names, ' ')) end",
						"show(file.list())",
						"show(file.list('%.txt$'))",
						"local s = file.stat('a.txt')",
						"print(s.name, s.size, s.is_dir, s.is_rdonly, s.time.year, s.time.mon, s.time.day, s.time.hour, s.time.min, s.time.sec)",
						"print(file.stat('nope'))",
						"print(file.rename('a.txt', 'd.txt'), file.exists('a.txt'), file.exists('d.txt'))",
						"print(file.rename('missing', 'e.txt'), file.rename('b.txt', 'd.txt'))",
						"print(file.remove('d.txt'), file.exists('d.txt'), file.exists('missing'))",
						"file.remove('missing')"));
	}

	@Test
	void fsinfoCountsWholePagesOfWrittenFiles() throws Exception {
		assertEquals(List.of("true", "768\t768\ttrue\ttrue", "0\t0"),
				run("local r1, u1, t1 = file.fsinfo()",
						"print(r1 + u1 == t1)",
						"file.putcontents('data', string.rep('d', 300))",
						"local r2, u2, t2 = file.fsinfo()",
						"print(r1 - r2, u2 - u1, t1 == t2, r2 + u2 == t2)",
						"file.remove('data')",
						"local r3, u3 = file.fsinfo()",
						"print(r3 - r1, u3 - u1)"));
		Spiffs.Info info = fs.info();
		assertEquals(64 * 1024, info.total());
	}

	@Test
	void atMostFourFilesAreOpenAtOnce() throws Exception {
		assertEquals(List.of("true\ttrue\ttrue\ttrue\tnil", "nil", "true", "true"),
				run("local fds = {}",
						"for i = 1, 4 do fds[i] = file.open('f' .. i, 'w') end",
						"print(fds[1] ~= nil, fds[2] ~= nil, fds[3] ~= nil, fds[4] ~= nil, file.open('f5', 'w'))",
						"print(file.getcontents('f1'))",
						"fds[1]:close()",
						"print(file.open('f5', 'w') ~= nil)",
						"file.close()",
						"print(file.open('f1') ~= nil)"));
	}

	@Test
	void aNameLongerThan31CharactersIsInvalid() throws Exception {
		assertEquals(List.of(
				"true",
				"false\tbad argument #2 to 'rename' (filename invalid)",
				"nil",
				"lua: init.lua:6: bad argument #1 to 'open' (filename invalid)"),
				run("print(file.open('dir/' .. string.rep('n', 31), 'w') ~= nil) file.close()",
						"local ok, e = pcall(function() file.rename('x', string.rep('n', 32)) end)",
						"print(ok, (e:gsub('^init.lua:%d+: ', '')))",
						"print(file.putcontents(string.rep('n', 32), 'x'))",
						"file.open(string.rep('n', 32), 'w')"));
	}

	@Test
	void openingAMissingFileToReadGivesNil() throws Exception {
		assertEquals(List.of("nil\tnil", "false", "false", "lua: init.lua:5: open a file first"),
				run("print(file.open('missing.txt'), file.open('missing.txt', 'r+'))",
						"print(file.exists('missing.txt'))",
						"print(file.getcontents('missing.txt') ~= nil)",
						"file.read()"));
	}

	@Test
	void formatErasesEveryFile() throws Exception {
		assertEquals(List.of("format done.", "0", "false\topen a file first"),
				run("file.putcontents('a', '1')",
						"local fd = file.open('a')",
						"file.format()",
						"local n = 0 for _ in pairs(file.list()) do n = n + 1 end print(n)",
						"print(pcall(fd.read, fd))"));
	}

	@Test
	void filesLastAcrossARestartAndOpenFilesDoNot() throws Exception {
		List<String> out = run("if file.exists('boots') then",
				"  local n = tonumber(file.getcontents('boots'))",
				"  file.putcontents('boots', tostring(n + 1))",
				"  local fds = {} for i = 1, 4 do fds[i] = file.open('k' .. i, 'w') ~= nil end",
				"  print('boot', n + 1, fds[1], fds[2], fds[3], fds[4])",
				"  if n + 1 < 3 then node.restart() end",
				"else",
				"  file.putcontents('boots', '1')",
				"  for i = 1, 4 do file.open('k' .. i, 'w') end",
				"  print('boot', 1)",
				"  node.restart()",
				"end");
		assertEquals("boot\t1", out.get(0));
		String all = String.join("\n", out);
		assertTrue(all.contains("boot\t2\ttrue\ttrue\ttrue\ttrue"), all);
		assertTrue(all.contains("boot\t3\ttrue\ttrue\ttrue\ttrue"), all);
		assertEquals("3", new String(fs.getContents("boots"), StandardCharsets.ISO_8859_1));
		assertEquals(3, fs.writes("boots"), "each putcontents is one write to flash");
	}

	@Test
	void everyWriteCountsForFlashWear() throws Exception {
		run("local fd = file.open('wear', 'w')",
				"for i = 1, 10 do fd:write(i) end",
				"fd:writeline('end')",
				"fd:close()",
				"file.open('wear', 'a') file.write('!') file.close()");
		assertEquals(12, fs.writes("wear"));
		assertEquals("12345678910end\n!", new String(fs.getContents("wear"), StandardCharsets.ISO_8859_1));
	}
}
