package pearl.device.tests.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import pearl.device.rom.BoardNotInBootloaderException;
import pearl.device.rom.ChipInfo;
import pearl.device.rom.FlashImage;
import pearl.device.rom.FlashProgress;
import pearl.device.rom.FlashResult;
import pearl.device.rom.FlashWriter;
import pearl.device.rom.RomCommand;
import pearl.device.rom.RomException;
import pearl.device.rom.RomTimeouts;
import pearl.device.rom.UnsupportedRomCommandException;
import pearl.device.rom.VerificationFailedException;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/** The flasher against the ROM loader simulator, through a real pseudo-terminal pair. */
class FlashOverPtyTest extends SimulatedLoaderFixture {

    /** Short waits: on a pty the answers come in microseconds, and lost answers must not cost 3 s each. */
    private static final RomTimeouts FAST = new RomTimeouts(400, 100, 40_000, 8_000, 2, 3);

    private void start(Variant variant, boolean inBootloader) throws Exception {
        // A "fast" baud documents that nothing here waits on the wire.
        start(variant, inBootloader, 921600, FAST);
    }

    static byte[] firmware(int size, long seed) {
        byte[] image = new byte[size];
        new Random(seed).nextBytes(image);
        image[0] = (byte) 0xE9; // image magic
        image[1] = 3; // segments
        image[2] = 2; // dio
        image[3] = 0x40; // 4MB, 40m
        return image;
    }

    static byte[] spiffs(int size, long seed) {
        byte[] image = new byte[size];
        new Random(seed).nextBytes(image);
        return image;
    }

    private void assertCleanConversation() {
        assertEquals(List.of(), board.violations(), "the simulator saw no protocol violation");
    }

    @Test
    void firmwareAndSpiffsLandInFlashVerifiedAndNothingElseIsTouched() throws Exception {
        start(Variant.WITH_MD5, true);
        byte[] fw = firmware(70_000, 1); // not a multiple of the block: the last block is padded
        byte[] fs = spiffs(64 * 1024, 2);
        client.connect();
        FlashResult result = new FlashWriter(client, FlashProgress.NONE)
                .write(List.of(FlashImage.of(0, fw, "nodemcu.bin"), FlashImage.of(SPIFFS_ADDRESS, fs, "spiffs.img")));

        assertTrue(result.verified());
        assertEquals(69 + 64, result.blocksWritten());
        assertEquals(0, result.retries());
        assertArrayEquals(fw, board.flash(0, fw.length));
        assertArrayEquals(fs, board.flash(SPIFFS_ADDRESS, fs.length));
        byte[] erased = new byte[RomBootloaderSimulator.FLASH_SIZE];
        Arrays.fill(erased, (byte) 0xFF);
        assertArrayEquals(Arrays.copyOfRange(erased, fw.length, SPIFFS_ADDRESS), board.flash(fw.length, SPIFFS_ADDRESS - fw.length),
                "between the images the flash is still erased");
        assertTrue(board.requests().contains("SPI_FLASH_MD5"));
        assertCleanConversation();
    }

    @Test
    void eraseSizeWorkaroundKeepsTheNeighboursOfARegion() throws Exception {
        // Data right after a region that starts at a 64 KB boundary: sending the plain size would
        // make the ROM erase twice the region's sectors and wipe it.
        start(Variant.WITH_MD5, true);
        byte[] neighbour = spiffs(8192, 3);
        board.fill(0x14000, neighbour);
        client.connect();
        byte[] fs = spiffs(4 * 4096, 4);
        new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(0x10000, fs, "lfs.img")));
        assertArrayEquals(fs, board.flash(0x10000, fs.length));
        assertArrayEquals(neighbour, board.flash(0x14000, neighbour.length), "the ROM erased exactly the region's sectors");
        assertEquals(4, board.erases().get(0)[1], "sectors erased");
        assertCleanConversation();
    }

    @Test
    void imagesAreWrittenInAddressOrderSoTheRomsExtraSectorNeverHitsOneAlreadyWritten() throws Exception {
        // 3 sectors at a 64 KB boundary: the ROM can only erase an even count there, so it erases
        // the sector at 0x13000 too, where the second image goes.
        start(Variant.WITH_MD5, true);
        byte[] lfs = spiffs(3 * 4096, 14);
        byte[] next = spiffs(4096, 15);
        client.connect();
        FlashResult result = new FlashWriter(client, FlashProgress.NONE)
                .write(List.of(FlashImage.of(0x13000, next, "next.img"), FlashImage.of(0x10000, lfs, "lfs.img")));
        assertTrue(result.verified());
        assertEquals(List.of(), result.rewrittenSectors());
        assertArrayEquals(lfs, board.flash(0x10000, lfs.length));
        assertArrayEquals(next, board.flash(0x13000, next.length));
        assertCleanConversation();
    }

    @Test
    void anUnalignedImageIsWrittenFromItsSectorStartWithErasedBytesInFront() throws Exception {
        // The ROM writes whole sectors from a sector boundary; the bytes in front are 0xFF.
        start(Variant.WITH_MD5, true);
        board.fill(0x21000, spiffs(0x100, 16));
        byte[] data = spiffs(3000, 17);
        client.connect();
        FlashResult result = new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(0x21100, data, "blob.bin")));
        assertTrue(result.verified());
        assertArrayEquals(data, board.flash(0x21100, data.length));
        byte[] front = new byte[0x100];
        Arrays.fill(front, (byte) 0xFF);
        assertArrayEquals(front, board.flash(0x21000, 0x100));
        assertEquals(0x21000, board.erases().get(0)[0]);
        assertCleanConversation();
    }

    @Test
    void aLoaderThatCanChangeSpeedKeepsAnsweringAtTheNewOne() throws Exception {
        start(Variant.WITH_MD5, true);
        client.connect();
        client.changeBaud(460800);
        assertEquals("18:fe:34:a1:b2:c3", client.readChipInfo().mac());
        assertTrue(board.requests().contains("CHANGE_BAUDRATE"));
        assertCleanConversation();
    }

    @Test
    void progressIsReportedForEveryBlockInOrder() throws Exception {
        start(Variant.WITH_MD5, true);
        List<String> events = new ArrayList<>();
        FlashProgress progress = new FlashProgress() {
            @Override
            public void regionStarted(FlashImage image, int blocks) {
                events.add("start " + image.label() + " " + blocks);
            }

            @Override
            public void blockWritten(FlashImage image, int block, int blocks) {
                events.add(image.label() + " " + (block + 1) + "/" + blocks);
            }

            @Override
            public void regionVerified(FlashImage image) {
                events.add("verified " + image.label());
            }
        };
        client.connect();
        new FlashWriter(client, progress).write(List.of(FlashImage.of(0, firmware(3000, 5), "fw"), FlashImage.of(0x8000, spiffs(2048, 6), "fs")));
        assertEquals(List.of("start fw 3", "fw 1/3", "fw 2/3", "fw 3/3", "start fs 2", "fs 1/2", "fs 2/2", "verified fw", "verified fs"), events);
    }

    @Test
    void chipIdentityAndMacAreReadFromTheEfuses() throws Exception {
        start(Variant.ESP8266_ROM, true);
        client.connect();
        ChipInfo chip = client.readChipInfo();
        assertEquals("ESP8266", chip.name());
        assertEquals("18:fe:34:a1:b2:c3", chip.mac());
        assertEquals(0xA1B2C3, chip.chipId(), "node.chipid() is the MAC's last three bytes");
        assertCleanConversation();
    }

    @Test
    void theRealRomCannotChangeBaudAndSaysSo() throws Exception {
        start(Variant.ESP8266_ROM, true);
        client.connect();
        UnsupportedRomCommandException baud = assertThrows(UnsupportedRomCommandException.class, () -> client.changeBaud(460800));
        assertEquals(RomCommand.CHANGE_BAUDRATE, baud.command());
        assertCleanConversation();
    }

    @Test
    void withoutTheStubTheRealRomLeavesTheFlashUnverifiedAndSaysWhy() throws Exception {
        start(Variant.ESP8266_ROM, true);
        client.connect();
        List<String> notes = new ArrayList<>();
        byte[] fw = firmware(5000, 7);
        FlashResult result = new FlashWriter(client, noteRecorder(notes), null).write(List.of(FlashImage.of(0, fw, "fw")));
        assertFalse(result.verified());
        assertEquals(List.of("unverified: the ESP8266 ROM loader has no SPI_FLASH_MD5, so the written flash could not be read back"), notes);
        assertArrayEquals(fw, board.flash(0, fw.length), "written all the same");
        assertFalse(board.requests().contains("MEM_BEGIN"), "nothing was loaded into RAM");
        assertCleanConversation();
    }

    @Test
    void aBoardRunningItsFirmwareIsReportedAsNotInTheBootloader() throws Exception {
        start(Variant.ESP8266_ROM, false);
        long started = System.nanoTime();
        BoardNotInBootloaderException e = assertThrows(BoardNotInBootloaderException.class, () -> client.connect());
        assertTrue(e.getMessage().startsWith("board not in bootloader"), e.getMessage());
        assertTrue(e.getMessage().contains(pty.hostSide), e.getMessage());
        assertTrue(e.getMessage().contains("GPIO0"), "tells the user what to do: " + e.getMessage());
        assertTrue(System.nanoTime() - started < 10_000_000_000L);
    }

    @Test
    void aLostAnswerToABlockIsRetriedAndTheFlashIsRight() throws Exception {
        start(Variant.WITH_MD5, true);
        board.inject(new RomBootloaderSimulator.DropAnswer(0x03));
        List<String> retried = new ArrayList<>();
        byte[] fw = firmware(4096, 8);
        client.connect();
        FlashResult result = new FlashWriter(client, retryRecorder(retried)).write(List.of(FlashImage.of(0, fw, "fw")));
        assertEquals(1, result.retries());
        assertEquals(1, retried.size());
        assertTrue(retried.get(0).contains("no answer to FLASH_DATA"), retried.get(0));
        assertTrue(result.verified());
        assertArrayEquals(fw, board.flash(0, fw.length));
        assertCleanConversation();
    }

    @Test
    void aBlockCorruptedOnTheWireFailsItsChecksumAndIsSentAgain() throws Exception {
        start(Variant.WITH_MD5, true);
        board.inject(new RomBootloaderSimulator.CorruptNextBlock());
        List<String> retried = new ArrayList<>();
        byte[] fw = firmware(4096, 9);
        client.connect();
        FlashResult result = new FlashWriter(client, retryRecorder(retried)).write(List.of(FlashImage.of(0, fw, "fw")));
        assertEquals(List.of("block 0: FLASH_DATA failed: checksum error (0x07)"), retried);
        assertTrue(result.verified());
        assertArrayEquals(fw, board.flash(0, fw.length));
        assertCleanConversation();
    }

    @Test
    void aBlockRefusedEveryTimeStopsTheFlashNamingTheBlock() throws Exception {
        start(Variant.WITH_MD5, true);
        board.inject(new RomBootloaderSimulator.RefuseBlock(2, 3));
        client.connect();
        RomException e = assertThrows(RomException.class,
                () -> new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(0x20000, spiffs(8192, 10), "spiffs.img"))));
        assertEquals("writing spiffs.img failed: block 3/8 at 0x20800 was refused 3 times (FLASH_DATA failed: flash write error (0x08))",
                e.getMessage());
    }

    @Test
    void aBlockThatReadsBackWrongIsFoundByMd5AndRewritten() throws Exception {
        start(Variant.WITH_MD5, true);
        board.inject(new RomBootloaderSimulator.FlipBitOnWrite(5));
        byte[] fs = spiffs(16 * 1024, 11);
        client.connect();
        FlashResult result = new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(SPIFFS_ADDRESS, fs, "spiffs.img")));
        assertTrue(result.verified());
        assertEquals(List.of(SPIFFS_ADDRESS + 4096), result.rewrittenSectors(), "only the sector holding block 5 is written again");
        assertArrayEquals(fs, board.flash(SPIFFS_ADDRESS, fs.length));
        assertCleanConversation();
    }

    @Test
    void aPermanentlyBadCellFailsVerificationNamingRegionAndBlock() throws Exception {
        start(Variant.WITH_MD5, true);
        byte[] fs = spiffs(8192, 12);
        int bad = SPIFFS_ADDRESS + 0x1234;
        fs[0x1234] = (byte) 0x10; // lowest bit 0, which the stuck cell cannot hold
        board.stickBitAt(bad);
        client.connect();
        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> new FlashWriter(client, FlashProgress.NONE).write(List.of(FlashImage.of(SPIFFS_ADDRESS, fs, "spiffs.img"))));
        assertEquals(SPIFFS_ADDRESS + 0x1000, e.blockAddress(), "the 1 KB block holding 0x101234");
        assertTrue(e.getMessage().startsWith("verification failed: spiffs.img, region 0x100000-0x101FFF, block 5/8 at 0x101000"), e.getMessage());
    }

    @Test
    void rebootingAfterTheFlashLeavesTheLoader() throws Exception {
        start(Variant.WITH_MD5, true);
        client.connect();
        FlashWriter writer = new FlashWriter(client, FlashProgress.NONE);
        writer.write(List.of(FlashImage.of(0, firmware(1024, 13), "fw")));
        writer.reboot(line);
        assertFalse(board.inBootloader(), "FLASH_END(reboot) leaves the loader");
        assertThrows(BoardNotInBootloaderException.class, () -> client.connect(), "the firmware answers SLIP with its prompt");
    }

    static FlashProgress noteRecorder(List<String> notes) {
        return new FlashProgress() {
            @Override
            public void blockWritten(FlashImage image, int block, int blocks) {
            }

            @Override
            public void stubStarting(String why) {
                notes.add("stub: " + why);
            }

            @Override
            public void verificationUnavailable(String why) {
                notes.add("unverified: " + why);
            }
        };
    }

    private static FlashProgress retryRecorder(List<String> retried) {
        return new FlashProgress() {
            @Override
            public void blockWritten(FlashImage image, int block, int blocks) {
            }

            @Override
            public void blockRetried(FlashImage image, int block, String why) {
                retried.add("block " + block + ": " + why);
            }
        };
    }
}
