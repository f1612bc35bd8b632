package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pearl.emulator.LuaObjectSizes;

/**
 * The emulator's object sizes against a real 32-bit Lua 5.1 (heap-reference/i386-lua5.1.txt,
 * measured by heap-reference/measure.sh): within the 5%.
 */
class LuaObjectSizesTest {

	private static final LuaObjectSizes SIZES = LuaObjectSizes.floatBuild();

	private static Map<String, Integer> reference() throws IOException {
		Path file = Path.of(System.getProperty("pearl.heap.reference"));
		Map<String, Integer> bytes = new HashMap<>();
		for (String line : Files.readAllLines(file)) {
			int space = line.lastIndexOf(' ');
			bytes.put(line.substring(0, space).strip(), Integer.parseInt(line.substring(space + 1)));
		}
		return bytes;
	}

	private static void assertClose(Map<String, Integer> reference, String name, int modelled) {
		int real = reference.get(name);
		assertTrue(Math.abs(modelled - real) <= real * 0.05, name + ": modelled " + modelled + " bytes, real Lua 5.1 " + real);
	}

	private static int newStrings(int from, int to, String prefix) {
		int bytes = 0;
		for (int i = from; i <= to; i++) {
			bytes += SIZES.string((prefix + i).length());
		}
		return bytes;
	}

	@Test
	void tablesAsTheyGrow() throws IOException {
		Map<String, Integer> real = reference();
		assertClose(real, "table empty", SIZES.table(0, 0));
		for (int n : new int[] { 1, 10, 100, 1000 }) {
			assertClose(real, "table array " + n, SIZES.table(LuaObjectSizes.arraySlotsAfterAppending(n), 0));
		}
		assertClose(real, "table constructor 4", SIZES.table(4, 0));
		assertClose(real, "table hash 1", SIZES.table(0, 1));
		assertClose(real, "table hash 8 numbers", SIZES.table(0, LuaObjectSizes.hashNodesFor(8)));
		assertClose(real, "table hash 100 new keys", SIZES.table(0, LuaObjectSizes.hashNodesFor(100)) + newStrings(1, 100, "k"));
		assertClose(real, "100 tables {x, y}", SIZES.table(128, 0) + 100 * SIZES.table(0, 2));
	}

	@Test
	void strings() throws IOException {
		Map<String, Integer> real = reference();
		assertEquals(0, real.get("string 0 (new)"), "the empty string already exists");
		for (int n : new int[] { 1, 10, 100, 1000 }) {
			assertClose(real, "string " + n + " (new)", SIZES.string(n));
		}
	}

	@Test
	void closuresUpvaluesCoroutinesAndUserdata() throws IOException {
		Map<String, Integer> real = reference();
		assertClose(real, "closure 0 upvalues", SIZES.luaClosure(0));
		assertClose(real, "closure 1 upvalue", SIZES.luaClosure(1) + SIZES.upvalue());
		assertClose(real, "closure 4 upvalues", SIZES.luaClosure(4) + 4 * SIZES.upvalue());
		assertClose(real, "10 closures, 1 shared upvalue", 10 * SIZES.luaClosure(1) + SIZES.upvalue() + SIZES.table(16, 0));
		assertClose(real, "coroutine", SIZES.thread() + SIZES.luaClosure(0));
		assertClose(real, "userdata (newproxy)", SIZES.userdata(0));
	}

	@Test
	void anIntegerBuildsValuesAreEightBytes() {
		LuaObjectSizes integer = LuaObjectSizes.integerBuild();
		assertEquals(32 + 1024 * 8, integer.table(1024, 0));
		assertEquals(20, integer.node());
	}

	@Test
	void arrayAndHashPartsGrowByPowersOfTwo() {
		assertEquals(0, LuaObjectSizes.arraySlotsAfterAppending(0));
		assertEquals(1, LuaObjectSizes.arraySlotsAfterAppending(1));
		assertEquals(16, LuaObjectSizes.arraySlotsAfterAppending(10));
		assertEquals(16, LuaObjectSizes.arraySlotsAfterAppending(16));
		assertEquals(32, LuaObjectSizes.arraySlotsAfterAppending(17));
		assertEquals(1, LuaObjectSizes.hashNodesFor(1));
	}
}
