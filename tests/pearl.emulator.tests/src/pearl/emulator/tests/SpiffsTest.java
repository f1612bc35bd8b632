package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pearl.emulator.FirmwareError;
import pearl.emulator.Spiffs;
import pearl.emulator.SpiffsFile;

class SpiffsTest {

	private final Spiffs fs = new Spiffs(64 * 1024);

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String text(byte[] bytes) {
		return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
	}

	@Test
	void readingAMissingFileGivesNilButWritingCreatesIt() {
		assertNull(fs.open("config.json", "r"));
		assertNull(fs.open("config.json", "r+"));
		SpiffsFile file = fs.open("config.json", "w");
		assertTrue(file.write(bytes("{\"ssid\":\"home\"}")));
		file.close();
		assertEquals(Map.of("config.json", 15), fs.list());
	}

	@Test
	void readsByCountByDelimiterAndLineAndNilAtTheEnd() {
		fs.putContents("log.txt", bytes("first\nsecond\nthird"));
		SpiffsFile file = fs.open("log.txt", "r");
		assertEquals("first\n", text(file.readUntil((byte) '\n')));
		assertEquals("sec", text(file.read(3)));
		assertEquals("ond\n", text(file.readUntil((byte) '\n')));
		assertEquals("third", text(file.read(1024)));
		assertNull(file.read(1024));
		assertFalse(file.write(bytes("x")), "opened to read only");
	}

	@Test
	void aReadReturnsAtMostOneChunk() {
		fs.putContents("big.bin", new byte[3000]);
		SpiffsFile file = fs.open("big.bin", "r");
		assertEquals(SpiffsFile.READ_CHUNK, file.read(5000).length);
	}

	@Test
	void appendModesWriteAtTheEndWhateverTheSeek() {
		fs.putContents("data.csv", bytes("a\n"));
		SpiffsFile file = fs.open("data.csv", "a+");
		assertEquals(0, file.seek("set", 0));
		assertTrue(file.write(bytes("b\n")));
		assertEquals(0, file.seek("set", 0));
		assertEquals("a\nb\n", text(file.read(100)));
		assertEquals(-1, file.seek("cur", -100), "before the start is nil");
	}

	@Test
	void atMostFourFilesAreOpen() {
		for (int i = 0; i < Spiffs.MAX_OPEN_FILES; i++) {
			assertNotNull(fs.open("f" + i, "w"));
		}
		assertNull(fs.open("f4", "w"), "no free descriptor");
	}

	@Test
	void namesLongerThanThirtyOneCharactersAreInvalid() {
		assertEquals("filename invalid", assertThrows(FirmwareError.class, () -> fs.open("a".repeat(32), "w")).getMessage());
		assertNotNull(fs.open("www/" + "a".repeat(31), "w"), "the flat namespace counts the name after its last '/'");
	}

	@Test
	void removeRenameExistsAndStat() {
		fs.putContents("old.lua", bytes("print(1)"));
		fs.remove("missing.lua");
		assertTrue(fs.rename("old.lua", "new.lua"));
		assertFalse(fs.rename("old.lua", "other.lua"));
		assertFalse(fs.exists("old.lua"));
		assertEquals(new Spiffs.Stat("new.lua", 8), fs.stat("new.lua"));
		assertNull(fs.stat("old.lua"));
	}

	@Test
	void aFullFileSystemRefusesWritesAndLosesNothing() {
		Spiffs small = new Spiffs(4 * Spiffs.PAGE);
		assertTrue(small.putContents("a", new byte[Spiffs.PAGE]));
		assertFalse(small.putContents("b", new byte[2 * Spiffs.PAGE]), "does not fit");
		assertEquals(Spiffs.PAGE, small.getContents("a").length);
		assertNull(small.getContents("b"));
		Spiffs.Info info = small.info();
		assertEquals(info.total(), info.used() + info.remaining());
	}

	@Test
	void everyWriteIsCountedForFlashWear() {
		SpiffsFile file = fs.open("counter.txt", "w");
		for (int i = 0; i < 5; i++) {
			file.write(bytes("x"));
		}
		fs.putContents("counter.txt", bytes("reset"));
		assertEquals(6, fs.writes("counter.txt"));
	}

	@Test
	void formatErasesEverythingAndClosesOpenFiles() {
		SpiffsFile file = fs.open("x.lua", "w");
		fs.format();
		assertEquals(Map.of(), fs.list());
		assertEquals(0, fs.openFiles());
		assertEquals("open a file first", assertThrows(FirmwareError.class, () -> file.read(1)).getMessage());
	}

	@Test
	void aProjectFolderLoadsInAndSavesOut() throws IOException {
		Path project = Files.createTempDirectory("pearl-spiffs");
		Files.writeString(project.resolve("init.lua"), "print('hi')");
		Files.createDirectories(project.resolve("www"));
		Files.write(project.resolve("www/index.html"), bytes("<h1>hi</h1>"));
		fs.load(project);
		assertEquals(Map.of("init.lua", 11, "www/index.html", 11), fs.list());
		Path out = Files.createTempDirectory("pearl-spiffs-out");
		fs.save(out);
		assertEquals("<h1>hi</h1>", Files.readString(out.resolve("www/index.html")));
		Files.writeString(project.resolve("a-name-that-is-far-too-long-for-spiffs.lua"), "x");
		IOException e = assertThrows(IOException.class, () -> new Spiffs(64 * 1024).load(project));
		assertTrue(e.getMessage().contains("too long for SPIFFS"), e.getMessage());
	}
}
