package pearl.device.tests.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pearl.device.rom.FlashWriter;
import pearl.device.rom.JsscSerialLine;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomChecksum;
import pearl.device.rom.RomCommand;
import pearl.device.rom.RomPacket;
import pearl.device.rom.RomResponse;
import pearl.device.rom.SlipCodec;
import pearl.device.rom.SlipDecoder;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/**
 * Both sides of the protocol against the bytes and rules written in serial-protocols.md §2, and
 * the simulator's refusal of packets that break them. The expected bytes here are typed from the
 * reference, not produced by either implementation.
 */
class SimulatorFaithfulnessTest {

    /** §2.3 + §2.4 + §2.2: the SYNC request as it goes on the wire. */
    private static final byte[] SYNC_ON_THE_WIRE = HexFormat.of().parseHex("c0" + "00" + "08" + "2400" + "00000000" + "07071220"
            + "55".repeat(32) + "c0");

    private PtyPair pty;
    private RomBootloaderSimulator board;
    private JsscSerialLine line;

    @BeforeEach
    void start() throws Exception {
        pty = new PtyPair();
        board = new RomBootloaderSimulator(pty.boardSide, Variant.ESP8266_ROM, true);
        line = JsscSerialLine.open(pty.hostSide, 115200);
    }

    @AfterEach
    void stop() throws Exception {
        line.close();
        board.close();
        pty.close();
    }

    @Test
    void theClientsSyncPacketIsTheOneInTheReference() {
        assertArrayEquals(SYNC_ON_THE_WIRE, SlipCodec.encode(RomPacket.of(RomCommand.SYNC, RomBootloaderClient.SYNC_DATA).toBytes()));
    }

    @Test
    void theSimulatorAnswersTheReferenceSyncBytesEightTimesWithANonZeroValue() throws Exception {
        line.write(SYNC_ON_THE_WIRE);
        List<RomResponse> answers = responses(RomBootloaderSimulator.SYNC_ANSWERS);
        assertEquals(RomBootloaderSimulator.SYNC_ANSWERS, answers.size());
        for (RomResponse r : answers) {
            assertEquals(0x08, r.opcode());
            assertTrue(r.succeeded());
            assertTrue(r.value() != 0, "a ROM (not a stub) answers SYNC with a non-zero value");
            assertEquals(0, r.payload().length, "only the two ESP8266 status bytes");
        }
        assertEquals(List.of(), board.violations());
    }

    @Test
    void checksumStartsAt0xEFAndXorsTheDataOnly() {
        assertEquals(0xEF, RomChecksum.of(new byte[0]));
        assertEquals(0xEF ^ 0x01 ^ 0x02 ^ 0xFF, RomChecksum.of(new byte[] { 0x01, 0x02, (byte) 0xFF }));
        byte[] allFF = new byte[1024];
        java.util.Arrays.fill(allFF, (byte) 0xFF);
        assertEquals(0xEF, RomChecksum.of(allFF), "an even number of equal bytes cancels out");
    }

    @Test
    void slipEscapesDelimiterAndEscapeInsideThePayload() {
        byte[] framed = SlipCodec.encode(new byte[] { 0x01, (byte) 0xC0, (byte) 0xDB, 0x02 });
        assertArrayEquals(HexFormat.of().parseHex("c001dbdcdbdd02c0"), framed);
        SlipDecoder decoder = new SlipDecoder();
        byte[] decoded = null;
        for (byte b : framed) {
            byte[] done = decoder.accept(b);
            if (done != null) {
                decoded = done;
            }
        }
        assertArrayEquals(new byte[] { 0x01, (byte) 0xC0, (byte) 0xDB, 0x02 }, decoded);
    }

    @Test
    void theClientsDecoderDropsAFrameWithAnInvalidEscapeAndSkipsChatter() {
        List<String> seen = new ArrayList<>();
        SlipDecoder decoder = new SlipDecoder(new SlipDecoder.Listener() {
            @Override
            public void byteOutsideFrame(int b) {
                seen.add("outside " + b);
            }

            @Override
            public void invalidEscape(int b) {
                seen.add("escape " + b);
            }
        });
        List<byte[]> frames = new ArrayList<>();
        for (byte b : HexFormat.of().parseHex("3e20" + "c001db01c0" + "c00203c0")) {
            byte[] done = decoder.accept(b);
            if (done != null) {
                frames.add(done);
            }
        }
        assertEquals(1, frames.size());
        assertArrayEquals(new byte[] { 2, 3 }, frames.get(0));
        assertEquals(List.of("outside 62", "outside 32", "escape 1"), seen);
    }

    @Test
    void theSimulatorRejectsMalformedRequests() throws Exception {
        // direction byte 0x01 in a request: ignored
        line.write(SlipCodec.encode(HexFormat.of().parseHex("010a0400" + "00000000" + "00100040")));
        // size field says 8, data is 4
        line.write(SlipCodec.encode(HexFormat.of().parseHex("000a0800" + "00000000" + "00100040")));
        // FLASH_BEGIN with six words: four fields and one ignored extra word are all the ROM takes
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(4096, 4, 0x400, 0, 0, 0)).toBytes()));
        // FLASH_BEGIN with the stub's 16 KB block size
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(16384, 1, 0x4000, 0)).toBytes()));
        // an invalid escape
        line.write(HexFormat.of().parseHex("c0000a0400db0100000000001000c0"));
        List<RomResponse> answers = responses(3);
        assertEquals(List.of("0a:1:05", "02:1:01", "02:1:01"), answers.stream().map(r -> String.format("%02x:%d:%02x", r.opcode(), r.status(), r.error())).toList());
        List<String> v = board.violations();
        assertEquals(5, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("direction byte 0x01"), v.get(0));
        assertTrue(v.get(1).contains("size field 8 but 4"), v.get(1));
        assertTrue(v.get(2).contains("FLASH_BEGIN with 24 data bytes"), v.get(2));
        assertTrue(v.get(3).contains("block size 0x4000"), v.get(3));
        assertTrue(v.get(4).contains("invalid SLIP escape"), v.get(4));
    }

    @Test
    void theSimulatorChecksChecksumSequenceAndBlockSize() throws Exception {
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(FlashWriter.eraseSize(0, 4096), 4, 0x400, 0)).toBytes()));
        byte[] block = new byte[0x400];
        block[7] = 0x42;
        line.write(SlipCodec.encode(flashData(block, 0, RomChecksum.of(block) ^ 1))); // bad checksum
        line.write(SlipCodec.encode(flashData(block, 1, RomChecksum.of(block)))); // skips block 0
        line.write(SlipCodec.encode(flashData(new byte[100], 0, RomChecksum.of(new byte[100])))); // short last block, not padded
        line.write(SlipCodec.encode(flashData(block, 0, RomChecksum.of(block)))); // right
        List<RomResponse> answers = responses(5);
        assertEquals(List.of("02:0:00", "03:1:07", "03:1:01", "03:1:01", "03:0:00"),
                answers.stream().map(r -> String.format("%02x:%d:%02x", r.opcode(), r.status(), r.error())).toList());
        assertEquals(List.of("FLASH_DATA sequence 1, expected 0", "FLASH_DATA block of 100 bytes, FLASH_BEGIN said 1024 (last block must be padded)"),
                board.violations());
        assertEquals(0x42, board.flash(7, 1)[0]);
    }

    @Test
    void theSimulatedRomHasTheEraseSizeBugTheWorkaroundCorrects() throws Exception {
        // A plain erase size of 3 sectors at 0x10000 (start of a 64 KB block): the buggy ROM
        // erases 2 x 3 = 6 sectors; the corrected size (2 sectors) makes it erase 4, the nearest
        // it can do: an odd count inside the first 64 KB block is out of the ROM's reach.
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(3 * 4096, 12, 0x400, 0x10000)).toBytes()));
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(FlashWriter.eraseSize(0x30000, 3 * 4096), 12, 0x400, 0x30000)).toBytes()));
        // Mid-block: 20 sectors from sector 0x1E (head 2) would erase 22 with the plain size.
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(FlashWriter.eraseSize(0x1E000, 20 * 4096), 80, 0x400, 0x1E000)).toBytes()));
        responses(3);
        assertEquals(List.of("65536:6", "196608:4", "122880:20"), board.erases().stream().map(e -> e[0] + ":" + e[1]).toList());
    }

    @Test
    void aFifthFlashBeginWordIsIgnoredAndTheEraseBugStays() throws Exception {
        // esptool-js sends a fifth word to the ESP8266 ROM too; the ROM reads only its four fields,
        // so the plain size still meets the erase bug (3 sectors at a 64 KB boundary erase 6).
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.FLASH_BEGIN, RomPacket.words(3 * 4096, 12, 0x400, 0x10000, 0)).toBytes()));
        List<RomResponse> answers = responses(1);
        assertEquals(List.of("02:0:00"), answers.stream().map(r -> String.format("%02x:%d:%02x", r.opcode(), r.status(), r.error())).toList());
        assertEquals(List.of("65536:6"), board.erases().stream().map(e -> e[0] + ":" + e[1]).toList());
        assertEquals(List.of(), board.violations());
    }

    @Test
    void eraseSizeWorkaroundValues() {
        assertEquals(2 * 4096, FlashWriter.eraseSize(0, 3 * 4096), "fewer sectors than twice the head: half, rounded up");
        assertEquals(0, FlashWriter.eraseSize(0, 0));
        assertEquals(18 * 4096, FlashWriter.eraseSize(0x1E000, 20 * 4096), "head of 2 sectors subtracted");
        assertEquals(16 * 4096, FlashWriter.eraseSize(0, 32 * 4096), "a whole 64 KB block at a boundary counts as head");
        assertEquals(4096, FlashWriter.eraseSize(0x5000, 1), "one byte still erases one sector");
    }

    @Test
    void aRamDownloadMustGoToFreeRamInOrderWithChecksums() throws Exception {
        // Into the ROM's own data area (0x3FFFC000 up): refused.
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.MEM_BEGIN, RomPacket.words(64, 1, 0x1800, 0x3FFFC000)).toBytes()));
        // Into free DRAM: taken; then a block with a bad checksum, one out of order, and the right one.
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.MEM_BEGIN, RomPacket.words(64, 1, 0x1800, 0x3FFE8100)).toBytes()));
        byte[] block = new byte[64];
        block[3] = 0x17;
        line.write(SlipCodec.encode(memData(block, 0, RomChecksum.of(block) ^ 0x40)));
        line.write(SlipCodec.encode(memData(block, 1, RomChecksum.of(block))));
        line.write(SlipCodec.encode(memData(block, 0, RomChecksum.of(block))));
        // MEM_END without a jump (first word 1): answered, and the loader carries on.
        line.write(SlipCodec.encode(RomPacket.of(RomCommand.MEM_END, RomPacket.words(1, 0)).toBytes()));
        List<RomResponse> answers = responses(6);
        assertEquals(List.of("05:1:0f", "05:0:00", "07:1:07", "07:1:01", "07:0:00", "06:0:00"),
                answers.stream().map(r -> String.format("%02x:%d:%02x", r.opcode(), r.status(), r.error())).toList());
        List<String> v = board.violations();
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).contains("outside downloadable RAM"), v.get(0));
        assertTrue(v.get(1).startsWith("MEM_DATA #1"), v.get(1));
        assertTrue(board.inBootloader());
    }

    private static byte[] memData(byte[] block, int seq, int checksum) {
        return dataPacket(RomCommand.MEM_DATA, block, seq, checksum);
    }

    private static byte[] flashData(byte[] block, int seq, int checksum) {
        return dataPacket(RomCommand.FLASH_DATA, block, seq, checksum);
    }

    /** A *_DATA request: length, sequence, two zero words, the block; {@code checksum} in the header. */
    private static byte[] dataPacket(RomCommand command, byte[] block, int seq, int checksum) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(RomPacket.words(block.length, seq, 0, 0));
        data.writeBytes(block);
        return RomPacket.withChecksum(command, checksum, data.toByteArray()).toBytes();
    }

    private List<RomResponse> responses(int count) throws Exception {
        SlipDecoder decoder = new SlipDecoder();
        List<RomResponse> answers = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 2000;
        while (answers.size() < count && System.currentTimeMillis() < deadline) {
            for (byte b : line.read(100)) {
                byte[] frame = decoder.accept(b);
                if (frame != null) {
                    answers.add(RomResponse.parse(frame));
                }
            }
        }
        Thread.sleep(100); // and nothing more should come
        for (byte b : line.read(50)) {
            byte[] frame = decoder.accept(b);
            if (frame != null) {
                answers.add(RomResponse.parse(frame));
            }
        }
        return answers;
    }
}
