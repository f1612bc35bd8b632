package pearl.device.rom;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The host side of the ESP8266 serial loader protocol: one method per command, over one SLIP
 * framing layer. Knows nothing about images; {@link FlashWriter} drives it.
 */
public final class RomBootloaderClient {

    /** {@code READ_REG} here tells ESP8266 from the other Espressif chips. */
    public static final int CHIP_DETECT_MAGIC_REG = 0x40001000;
    /** What that register holds on an ESP8266. */
    public static final int ESP8266_MAGIC = 0xFFF0C101;
    /** The OTP words that hold the MAC address. */
    public static final int OTP_MAC0 = 0x3FF00050, OTP_MAC1 = 0x3FF00054, OTP_MAC3 = 0x3FF0005C;
    /** The speed the ROM loader listens at first (it auto-bauds on the SYNC frames). */
    public static final int ROM_BAUD = 115200;
    /** The SYNC data: {@code 07 07 12 20} and 32 times {@code 0x55}, the auto-baud pattern. */
    public static final byte[] SYNC_DATA = syncData();
    /** The ROM answers one SYNC several times; these are drained after the first. */
    private static final int EXTRA_SYNC_ANSWERS = 7;
    /** Responses to skip while looking for the one answering our command, as esptool does. */
    private static final int MAX_UNRELATED_RESPONSES = 100;
    /** The RAM download's block size (esptool's {@code ESP_RAM_BLOCK}). */
    public static final int RAM_BLOCK = 0x1800;

    private final SerialLine line;
    private final RomTimeouts timeouts;
    private final SlipDecoder decoder = new SlipDecoder();
    private final Deque<byte[]> frames = new ArrayDeque<>();
    private boolean stubRunning;

    /** A client on an open {@code line}. */
    public RomBootloaderClient(SerialLine line, RomTimeouts timeouts) {
        this.line = line;
        this.timeouts = timeouts;
    }

    private static byte[] syncData() {
        byte[] data = new byte[36];
        data[0] = 0x07;
        data[1] = 0x07;
        data[2] = 0x12;
        data[3] = 0x20;
        java.util.Arrays.fill(data, 4, 36, (byte) 0x55);
        return data;
    }

    /** The timeouts in use. */
    public RomTimeouts timeouts() {
        return timeouts;
    }

    /** The port's name. */
    public String portName() {
        return line.name();
    }

    /**
     * Resets the board into the loader and synchronises, retrying with both reset delays.
     *
     * @throws BoardNotInBootloaderException when no SYNC was answered
     */
    public void connect() throws IOException {
        for (int attempt = 0; attempt < timeouts.connectAttempts(); attempt++) {
            BootloaderReset.forAttempt(attempt).enterBootloader(line);
            if (trySync()) {
                return;
            }
        }
        throw new BoardNotInBootloaderException(line.name(), timeouts.connectAttempts());
    }

    /** Sends SYNC up to the configured number of times; true when one was answered. */
    public boolean trySync() throws IOException {
        line.discardInput();
        frames.clear();
        for (int i = 0; i < timeouts.syncsPerAttempt(); i++) {
            send(RomPacket.of(RomCommand.SYNC, SYNC_DATA));
            RomResponse first = await(RomCommand.SYNC, timeouts.syncMillis());
            if (first != null && first.succeeded()) {
                // Take the echoes of the same SYNC off the line so they are not mistaken for the
                // next command's answer.
                for (int extra = 0; extra < EXTRA_SYNC_ANSWERS; extra++) {
                    if (await(RomCommand.SYNC, timeouts.syncMillis()) == null) {
                        break;
                    }
                }
                frames.clear();
                return true;
            }
            sleep(50);
        }
        return false;
    }

    /** Reads a 32-bit register. */
    public int readRegister(int address) throws IOException {
        return checked(RomCommand.READ_REG, RomPacket.words(address), 0, timeouts.commandMillis()).value();
    }

    /**
     * Identifies the chip and reads its MAC from OTP.
     *
     * @throws RomException when the chip is not an ESP8266
     */
    public ChipInfo readChipInfo() throws IOException {
        int magic = readRegister(CHIP_DETECT_MAGIC_REG);
        if (magic != ESP8266_MAGIC) {
            throw new RomException(String.format("not an ESP8266: chip magic 0x%08X (expected 0x%08X)", magic, ESP8266_MAGIC));
        }
        int mac0 = readRegister(OTP_MAC0);
        int mac1 = readRegister(OTP_MAC1);
        int mac3 = readRegister(OTP_MAC3);
        return new ChipInfo("ESP8266", macAddress(mac0, mac1, mac3), chipId(mac0, mac1));
    }

    /** The chip id {@code node.chipid()} reports: the low three bytes of the MAC. */
    public static int chipId(int mac0, int mac1) {
        return (mac0 >>> 24) | ((mac1 & 0xFFFFFF) << 8);
    }

    /**
     * The station MAC from the OTP words: the OUI from word 3 when it is programmed, else one of
     * Espressif's two OUIs chosen by a byte of word 1; the last three bytes from words 1 and 0.
     */
    public static String macAddress(int mac0, int mac1, int mac3) {
        int[] oui;
        if (mac3 != 0) {
            oui = new int[] { (mac3 >> 16) & 0xFF, (mac3 >> 8) & 0xFF, mac3 & 0xFF };
        } else if (((mac1 >> 16) & 0xFF) == 0) {
            oui = new int[] { 0x18, 0xFE, 0x34 };
        } else if (((mac1 >> 16) & 0xFF) == 1) {
            oui = new int[] { 0xAC, 0xD0, 0x74 };
        } else {
            return "unknown";
        }
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", oui[0], oui[1], oui[2], (mac1 >> 8) & 0xFF, mac1 & 0xFF, (mac0 >>> 24) & 0xFF);
    }

    /**
     * Asks the loader to switch speed, then switches the port.
     *
     * @throws UnsupportedRomCommandException from the ESP8266 ROM, which has no CHANGE_BAUDRATE
     */
    public void changeBaud(int baud) throws IOException {
        // The second word is the current speed for a stub; 0 when talking to a ROM.
        checked(RomCommand.CHANGE_BAUDRATE, RomPacket.words(baud, 0), 0, timeouts.commandMillis());
        line.setBaud(baud);
        sleep(50);
        line.discardInput();
    }

    /** Whether {@link #runStub} started the flasher stub, which now answers instead of the ROM. */
    public boolean stubRunning() {
        return stubRunning;
    }

    /**
     * Loads {@code stub} into RAM, starts it and waits for its greeting.
     *
     * @throws RomException when the loader refuses the download or the stub does not greet within
     * the command timeout
     */
    public void runStub(FlasherStub stub) throws IOException {
        for (FlasherStub.Segment segment : stub.segments()) {
            byte[] bytes = segment.bytes();
            int blocks = (bytes.length + RAM_BLOCK - 1) / RAM_BLOCK;
            checked(RomCommand.MEM_BEGIN, RomPacket.words(bytes.length, blocks, RAM_BLOCK, segment.address()), 0, timeouts.commandMillis());
            for (int seq = 0; seq < blocks; seq++) {
                byte[] block = java.util.Arrays.copyOfRange(bytes, seq * RAM_BLOCK, Math.min(bytes.length, (seq + 1) * RAM_BLOCK));
                sendBlock(RomCommand.MEM_DATA, block, seq, timeouts.commandMillis());
            }
        }
        frames.clear();
        // MEM_END's first word 0 means "jump to the entry point"; the ROM answers, then jumps.
        send(RomPacket.of(RomCommand.MEM_END, RomPacket.words(0, stub.entry())));
        long deadline = System.currentTimeMillis() + timeouts.commandMillis();
        for (byte[] frame = nextFrame(deadline); frame != null; frame = nextFrame(deadline)) {
            if (java.util.Arrays.equals(frame, FlasherStub.GREETING)) {
                stubRunning = true;
                return;
            }
            RomResponse response = RomResponse.parse(frame);
            if (response != null && response.opcode() == RomCommand.MEM_END.opcode() && !response.succeeded()) {
                throw failure(RomCommand.MEM_END, response);
            }
        }
        throw new RomException(String.format("the flasher stub did not start on %s: no greeting within %d ms of MEM_END", line.name(),
                timeouts.commandMillis()));
    }

    /**
     * Starts a flash write: the ROM erases {@code eraseSize} bytes from {@code offset} now. (A
     * running stub erases as much as it is told; the ROM's erase bug is the caller's concern,
     * see {@link FlashWriter#eraseSize}.)
     */
    public void flashBegin(int eraseSize, int blocks, int blockSize, int offset) throws IOException {
        checked(RomCommand.FLASH_BEGIN, RomPacket.words(eraseSize, blocks, blockSize, offset), 0,
                timeouts.scaled(timeouts.eraseMillisPerMb(), eraseSize));
    }

    /**
     * Sends one block (already padded to the block size) as sequence number {@code seq}.
     *
     * @throws RomException when the loader refuses it (checksum error, flash write error) or does not answer
     */
    public void flashData(byte[] block, int seq) throws IOException {
        sendBlock(RomCommand.FLASH_DATA, block, seq, timeouts.scaled(timeouts.eraseMillisPerMb(), block.length));
    }

    /** A *_DATA command: length, sequence number, two zero words, the data; the data's checksum in the header. */
    private void sendBlock(RomCommand command, byte[] block, int seq, long timeoutMillis) throws IOException {
        byte[] data = new byte[16 + block.length];
        System.arraycopy(RomPacket.words(block.length, seq, 0, 0), 0, data, 0, 16);
        System.arraycopy(block, 0, data, 16, block.length);
        checked(command, data, RomChecksum.of(block), timeoutMillis);
    }

    /**
     * Leaves flash mode. With {@code reboot} the loader restarts the chip; the answer may be lost
     * to the restart, so a missing answer is not an error then.
     */
    public void flashEnd(boolean reboot) throws IOException {
        send(RomPacket.of(RomCommand.FLASH_END, RomPacket.words(reboot ? 0 : 1)));
        RomResponse response = await(RomCommand.FLASH_END, timeouts.commandMillis());
        if (response == null && !reboot) {
            throw new RomException("no answer to FLASH_END from " + line.name());
        }
        if (response != null && !response.succeeded()) {
            throw failure(RomCommand.FLASH_END, response);
        }
    }

    /**
     * The MD5 of {@code size} bytes of flash from {@code address}.
     *
     * @throws UnsupportedRomCommandException from the ESP8266 ROM, which cannot hash flash
     */
    public byte[] flashMd5(int address, int size) throws IOException {
        RomResponse response = checked(RomCommand.SPI_FLASH_MD5, RomPacket.words(address, size, 0, 0), 0,
                timeouts.scaled(timeouts.md5MillisPerMb(), size));
        byte[] digest = response.payload();
        if (digest.length == 32) {
            // ESP32-class ROMs answer in ASCII hex; accept it so the client is not surprised.
            digest = HexFormat.of().parseHex(new String(digest, java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (digest.length != 16) {
            throw new RomException("SPI_FLASH_MD5 answered " + digest.length + " bytes instead of a 16-byte digest");
        }
        return digest;
    }

    private RomResponse checked(RomCommand command, byte[] data, int checksum, long timeoutMillis) throws IOException {
        // Anything already decoded now is stale (a late answer to an attempt that timed out);
        // left queued it would be taken as the answer to this command.
        frames.clear();
        send(new RomPacket(command.opcode(), checksum, data));
        RomResponse response = await(command, timeoutMillis);
        if (response == null) {
            throw new RomTimeoutException(command, line.name(), timeoutMillis);
        }
        if (!response.succeeded()) {
            throw failure(command, response);
        }
        return response;
    }

    private static RomException failure(RomCommand command, RomResponse response) {
        if (response.error() == RomResponse.ERROR_INVALID_MESSAGE
                && (command == RomCommand.CHANGE_BAUDRATE || command == RomCommand.SPI_FLASH_MD5)) {
            return new UnsupportedRomCommandException(command);
        }
        return new RomErrorException(command, response.error());
    }

    private void send(RomPacket packet) throws IOException {
        line.write(SlipCodec.encode(packet.toBytes()));
    }

    /** The next response to {@code command}, or {@code null} when none came in time. */
    private RomResponse await(RomCommand command, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (int skipped = 0; skipped < MAX_UNRELATED_RESPONSES; skipped++) {
            byte[] frame = nextFrame(deadline);
            if (frame == null) {
                return null;
            }
            RomResponse response = RomResponse.parse(frame);
            if (response != null && response.opcode() == command.opcode()) {
                return response;
            }
        }
        return null;
    }

    /** The next whole SLIP frame, or {@code null} when none came before {@code deadline}. */
    private byte[] nextFrame(long deadline) throws IOException {
        while (frames.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            for (byte b : line.read(left)) {
                byte[] done = decoder.accept(b);
                if (done != null) {
                    frames.add(done);
                }
            }
        }
        return frames.poll();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
