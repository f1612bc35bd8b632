package pearl.device.tests.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.device.rom.ChipInfo;
import pearl.device.rom.FirmwareFlasher;
import pearl.device.rom.FlashImage;
import pearl.device.rom.FlashProgress;
import pearl.device.rom.FlashResult;
import pearl.device.rom.FlashWriter;
import pearl.device.rom.FlasherStub;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomErrorException;
import pearl.device.rom.RomTimeouts;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/**
 * Pearl's ESP8266 flasher stub, the machine code in pearl.device, loaded into the simulated ROM
 * loader's RAM over a pty and run on an emulated lx106 core ({@link StubMachine}): the flash that
 * the ROM cannot check is checked, and what reads back wrong is written again, by the stub.
 */
class FlasherStubTest extends SimulatedLoaderFixture {

    private static final RomTimeouts FAST = new RomTimeouts(2000, 100, 40_000, 8_000, 2, 3);

    private void start() throws Exception {
        start(Variant.ESP8266_ROM, true, 115200, FAST);
        client.connect();
    }

    @Test
    void theShippedStubFitsWhereTheRomLetsCodeBeDownloaded() {
        FlasherStub stub = FlasherStub.esp8266();
        assertEquals(2, stub.segments().size(), "code and data");
        FlasherStub.Segment code = stub.segments().stream().filter(s -> s.within(0x40100000L, 0x40110000L)).findFirst().orElseThrow();
        FlasherStub.Segment data = stub.segments().stream().filter(s -> s.within(0x3FFE8000L, 0x3FFFC000L)).findFirst().orElseThrow();
        assertTrue(code.address() <= stub.entry() && stub.entry() < code.address() + code.bytes().length, "the entry point is in the code");
        assertTrue(code.bytes().length + data.bytes().length < 4096, "small: " + code + ", " + data);
    }

    @Test
    void onTheRealRomEveryRegionIsVerifiedThroughTheStub() throws Exception {
        start();
        byte[] fw = FlashOverPtyTest.firmware(70_000, 21);
        byte[] fs = FlashOverPtyTest.spiffs(64 * 1024, 22);
        List<String> notes = new ArrayList<>();
        FlashResult result = new FlashWriter(client, FlashOverPtyTest.noteRecorder(notes))
                .write(List.of(FlashImage.of(0, fw, "nodemcu.bin"), FlashImage.of(SPIFFS_ADDRESS, fs, "spiffs.img")));

        assertTrue(result.verified());
        assertEquals(List.of("stub: the ESP8266 ROM loader has no SPI_FLASH_MD5"), notes);
        assertTrue(board.requests().containsAll(List.of("SPI_FLASH_MD5", "MEM_BEGIN", "MEM_DATA", "MEM_END")), board.requests().toString());
        assertEquals(List.of("SPI_FLASH_MD5", "SPI_FLASH_MD5"), board.stubRequests(), "one MD5 per region, asked of the stub");
        assertArrayEquals(fw, board.flash(0, fw.length));
        assertArrayEquals(fs, board.flash(SPIFFS_ADDRESS, fs.length));
        assertEquals(List.of(), board.violations());
    }

    @Test
    void aBlockThatReadsBackWrongIsFoundAndWrittenAgainByTheStub() throws Exception {
        start();
        board.inject(new RomBootloaderSimulator.FlipBitOnWrite(5));
        byte[] fs = FlashOverPtyTest.spiffs(16 * 1024, 23);
        FlashResult result = new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(SPIFFS_ADDRESS, fs, "spiffs.img")));

        assertTrue(result.verified());
        assertEquals(List.of(SPIFFS_ADDRESS + 4096), result.rewrittenSectors(), "the sector holding block 5");
        assertArrayEquals(fs, board.flash(SPIFFS_ADDRESS, fs.length), "right after the stub's rewrite");
        List<String> asked = board.stubRequests();
        assertTrue(asked.contains("FLASH_BEGIN") && asked.contains("FLASH_DATA"), "the stub rewrote it: " + asked);
        assertEquals(List.of(), board.violations());
    }

    @Test
    void rebootingEndsTheStubAndTheBoardRunsItsFirmwareWithTheNewFlash() throws Exception {
        start();
        byte[] fw = FlashOverPtyTest.firmware(8192, 24);
        FlashWriter writer = new FlashWriter(client, FlashProgress.NONE);
        assertTrue(writer.write(List.of(FlashImage.of(0, fw, "fw"))).verified());
        assertTrue(board.stubRunning());
        writer.reboot(line);
        long deadline = System.currentTimeMillis() + 5000;
        while (board.stubRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(board.stubRunning(), "FLASH_END(reboot) made the stub jump to the reset vector");
        assertFalse(board.inBootloader());
        assertArrayEquals(fw, board.flash(0, fw.length));
        assertEquals(List.of(), board.violations(), "the stub ended by restarting, not by breaking a ROM rule");
    }

    @Test
    void aStubThatNeverGreetsLeavesTheFlashUnverifiedAndSaysWhy() throws Exception {
        start();
        board.inject(new RomBootloaderSimulator.SilentStub());
        List<String> notes = new ArrayList<>();
        byte[] fw = FlashOverPtyTest.firmware(4096, 25);
        FlashResult result = new FlashWriter(client, FlashOverPtyTest.noteRecorder(notes)).write(List.of(FlashImage.of(0, fw, "fw")));
        assertFalse(result.verified());
        assertEquals(2, notes.size(), notes.toString());
        assertEquals("unverified: the ESP8266 ROM loader has no SPI_FLASH_MD5, and the flasher stub did not start on " + pty.hostSide
                + ": no greeting within 2000 ms of MEM_END", notes.get(1));
        assertArrayEquals(fw, board.flash(0, fw.length), "written all the same");
    }

    @Test
    void aWholeFlashAsTheCommandLineAndTheIdeAskForItIsVerifiedAndRebootsTheBoard() throws Exception {
        try (PtyPair pair = new PtyPair()) {
            RomBootloaderSimulator rom = new RomBootloaderSimulator(pair.boardSide, Variant.ESP8266_ROM, true);
            try {
                byte[] fw = FlashOverPtyTest.firmware(20_000, 26);
                List<String> steps = new ArrayList<>();
                FirmwareFlasher.Listener listener = new FirmwareFlasher.Listener() {
                    @Override
                    public void connecting(String port) {
                        steps.add("connecting " + port);
                    }

                    @Override
                    public void identified(ChipInfo chip) {
                        steps.add(chip.name() + " " + chip.mac());
                    }

                    @Override
                    public void speedKept(int baud) {
                        steps.add("kept " + baud);
                    }

                    @Override
                    public void stubStarting(String why) {
                        steps.add("stub");
                    }

                    @Override
                    public void regionVerified(FlashImage image) {
                        steps.add("verified " + image.label());
                    }

                    @Override
                    public void written(FlashResult result, long millis) {
                        steps.add("written " + result.blocksWritten() + " " + result.verified());
                    }

                    @Override
                    public void rebooting() {
                        steps.add("rebooting");
                    }
                };
                FlashResult result = new FirmwareFlasher(FAST).flash(
                        new FirmwareFlasher.Request(pair.hostSide, 460800, List.of(FlashImage.of(0, fw, "nodemcu.bin")), true, true), listener);
                assertTrue(result.verified());
                assertEquals(List.of("connecting " + pair.hostSide, "ESP8266 18:fe:34:a1:b2:c3", "kept 115200", "stub", "verified nodemcu.bin",
                        "written 20 true", "rebooting"), steps);
                long deadline = System.currentTimeMillis() + 5000;
                while (rom.stubRunning() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(rom.inBootloader(), "the board runs its new firmware");
                assertArrayEquals(fw, rom.flash(0, fw.length));
                assertEquals(List.of(), rom.violations());
            } finally {
                rom.close();
            }
        }
    }

    @Test
    void theStubRefusesWhatItCannotDoWithItsOwnErrorCodes() throws Exception {
        start();
        client.runStub(FlasherStub.esp8266());
        assertTrue(client.stubRunning());
        RomErrorException orphan = assertThrows(RomErrorException.class, () -> client.flashData(new byte[1024], 0));
        assertEquals("FLASH_DATA failed: stub: FLASH_DATA without FLASH_BEGIN (0xC3)", orphan.getMessage());
        RomErrorException baud = assertThrows(RomErrorException.class, () -> client.changeBaud(460800));
        assertEquals("CHANGE_BAUDRATE failed: not implemented (0xFF)", baud.getMessage());
        RomErrorException past = assertThrows(RomErrorException.class, () -> client.flashMd5(0xFFF000, 0x2000));
        assertEquals("SPI_FLASH_MD5 failed: stub: bad data length (0xC0)", past.getMessage());
        assertEquals(RomBootloaderClient.ESP8266_MAGIC, client.readRegister(RomBootloaderClient.CHIP_DETECT_MAGIC_REG),
                "the stub reads memory as the ROM's READ_REG does");
        assertTrue(client.trySync(), "and answers SYNC");
        // A frame cut right after an escape byte: its closing delimiter must still end it, or the
        // next command would be swallowed with it.
        line.write(java.util.HexFormat.of().parseHex("c0" + "0055" + "0400" + "00000000" + "db" + "c0"));
        assertEquals(RomBootloaderClient.ESP8266_MAGIC, client.readRegister(RomBootloaderClient.CHIP_DETECT_MAGIC_REG),
                "the command after a broken frame is heard");
        assertEquals(List.of(), board.violations());
    }
}
