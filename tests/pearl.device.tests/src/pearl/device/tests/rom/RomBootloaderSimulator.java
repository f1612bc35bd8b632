package pearl.device.tests.rom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * An ESP8266 in its ROM serial loader, on the board side of a pseudo-terminal. It speaks the
 * protocol of serial-protocols.md §2 from its own reading of the reference (it shares no code with
 * the client under test): SLIP frames, request header checks, SYNC answered eight times, READ_REG
 * of the chip-detect register and the MAC OTP words, FLASH_BEGIN that erases eagerly with the
 * ROM's erase-size bug, FLASH_DATA with checksum, sequence and size checks, FLASH_END that leaves
 * the loader. Every rule a request breaks is recorded in {@link #violations()}, so a test can
 * demand a clean conversation.
 *
 * <p>The flash is NOR-like: erased bytes are 0xFF and writing can only clear bits, so writing
 * without erasing first corrupts the data as it would on a chip.
 *
 * <p>{@link Variant#ESP8266_ROM} is the ROM as documented: no SPI_FLASH_MD5 and no
 * CHANGE_BAUDRATE, but a RAM download (MEM_BEGIN / MEM_DATA / MEM_END) whose code then runs: on
 * an emulated lx106 core ({@link StubMachine}), with this board's flash and UART, so that Pearl's
 * flasher stub is tested as the machine code the chip would run. {@link Variant#WITH_MD5} instead
 * answers SPI_FLASH_MD5 and CHANGE_BAUDRATE itself the way a stub does (16 raw digest bytes), for
 * tests of the verification logic alone.
 */
final class RomBootloaderSimulator implements AutoCloseable {

    enum Variant {
        ESP8266_ROM, WITH_MD5
    }

    /** Something to do wrong once, to test the client's recovery. */
    sealed interface Fault {
    }

    /** Process the next request of this opcode but send no answer (the answer is lost on the wire). */
    record DropAnswer(int opcode) implements Fault {
    }

    /** Answer MEM_END but run nothing, as if the downloaded code crashed at once. */
    record SilentStub() implements Fault {
    }

    /** Flip a data byte of the next FLASH_DATA as it arrives (line noise): the checksum catches it. */
    record CorruptNextBlock() implements Fault {
    }

    /** Refuse FLASH_DATA block {@code seq} with a flash write error, {@code times} times. */
    record RefuseBlock(int seq, int times) implements Fault {
    }

    /** Accept FLASH_DATA block {@code seq} but store one bit wrong (a weak cell), once. */
    record FlipBitOnWrite(int seq) implements Fault {
    }

    static final int FLASH_SIZE = 4 * 1024 * 1024;
    static final int SECTOR = 4096;
    static final int ROM_BLOCK = 0x400;
    static final int RAM_BLOCK_LIMIT = 0x1800;
    /** RAM a download may fill: data RAM below the ROM's own data, and the 64 KB of IRAM. */
    static final long[][] DOWNLOADABLE = { { 0x3FFE8000L, 0x3FFFC000L }, { 0x40100000L, 0x40110000L } };
    static final int SYNC_VALUE = 0x20120707; // any non-zero value marks a ROM (not a stub)
    static final int SYNC_ANSWERS = 8;
    static final byte[] MAC = { (byte) 0x18, (byte) 0xFE, (byte) 0x34, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3 };

    private final SerialPort port;
    private final Variant variant;
    private final byte[] flash = new byte[FLASH_SIZE];
    private final boolean[] stuckHigh = new boolean[FLASH_SIZE];
    private final Map<Integer, Integer> registers = new HashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<int[]> erases = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean inBootloader;

    // the current FLASH_BEGIN
    private boolean flashing;
    private int flashOffset;
    private int flashBlocks;
    private int flashBlockSize;
    private int nextSeq;
    private byte[] lastBlock;

    // the current RAM download, and the code it started
    private final List<int[]> ramAddresses = new ArrayList<>();
    private final List<byte[]> ramSegments = new ArrayList<>();
    private ByteArrayOutputStream ramSegment;
    private int ramBlocks;
    private int ramBlockSize;
    private int ramNextSeq;
    private volatile StubMachine stub;
    private final StubTraffic stubTraffic = new StubTraffic();

    // strict SLIP reader state
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean escape;
    private boolean badFrame;

    RomBootloaderSimulator(String boardSide, Variant variant, boolean inBootloader) throws SerialPortException {
        this.variant = variant;
        this.inBootloader = inBootloader;
        Arrays.fill(flash, (byte) 0xFF);
        registers.put(0x40001000, 0xFFF0C101);
        // MAC 18:fe:34:a1:b2:c3 in the OTP layout: word0's top byte is the last MAC byte, word1
        // holds bytes 4 and 5 with 0 above them (selecting the 18:fe:34 OUI), word3 unprogrammed.
        registers.put(0x3FF00050, 0xC3000000);
        registers.put(0x3FF00054, 0x0000A1B2);
        registers.put(0x3FF0005C, 0);
        port = new SerialPort(boardSide);
        port.openPort();
        port.setParams(115200, 8, 1, 0, false, false);
        thread = new Thread(this::serve, "rom-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    void inject(Fault fault) {
        faults.add(fault);
    }

    /** Makes a flash byte unable to clear its lowest bit, forever. */
    synchronized void stickBitAt(int address) {
        stuckHigh[address] = true;
    }

    /** The flash as it is now: the running stub's, while one runs. */
    synchronized byte[] flash(int address, int length) {
        if (stub != null) {
            try {
                return stub.flash(address, length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Arrays.copyOfRange(flash, address, address + length);
    }

    /** The requests the downloaded stub was sent (as "NAME"), in order. */
    List<String> stubRequests() {
        return stubTraffic.requests;
    }

    /** Whether downloaded code runs, or has ended and the board has not yet restarted. */
    boolean stubRunning() {
        return stub != null;
    }

    synchronized void fill(int address, byte[] bytes) {
        System.arraycopy(bytes, 0, flash, address, bytes.length);
    }

    List<String> violations() {
        return violations;
    }

    /** The requests seen, as "NAME" or "FLASH_DATA#seq". */
    List<String> requests() {
        return requests;
    }

    /** {offset, sectors erased} per FLASH_BEGIN. */
    List<int[]> erases() {
        return erases;
    }

    boolean inBootloader() {
        return inBootloader;
    }

    @Override
    public void close() throws SerialPortException, InterruptedException {
        running = false;
        thread.join(2000);
        StubMachine s = stub;
        if (s != null) {
            try {
                s.close();
            } catch (java.io.IOException e) {
                violations.add("stub machine did not close: " + e);
            }
        }
        port.closePort();
    }

    private void serve() {
        try {
            while (running) {
                byte[] chunk = port.readBytes();
                if (chunk == null) {
                    Thread.sleep(0, 200_000);
                    continue;
                }
                StubMachine running = stub;
                if (running != null) {
                    stubTraffic.accept(chunk);
                    try {
                        running.send(chunk);
                    } catch (java.io.IOException e) {
                        violations.add("bytes for the stub were lost: " + e.getMessage());
                    }
                    continue;
                }
                if (!inBootloader) {
                    // A running NodeMCU firmware: SLIP means nothing to it; it answers with a prompt.
                    port.writeBytes("\r\n> ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    continue;
                }
                for (byte b : chunk) {
                    slipByte(b & 0xFF);
                }
            }
        } catch (SerialPortException | InterruptedException e) {
            if (running) {
                violations.add("simulator stopped: " + e);
            }
        }
    }

    private void slipByte(int b) throws SerialPortException {
        if (!inFrame) {
            if (b == 0xC0) {
                inFrame = true;
                frame.reset();
                escape = false;
                badFrame = false;
            } else {
                violations.add(String.format("byte 0x%02X outside a SLIP frame", b));
            }
            return;
        }
        if (b == 0xC0) {
            if (frame.size() == 0 && !badFrame) {
                return; // back-to-back delimiters: still waiting for the payload
            }
            inFrame = false;
            if (escape) {
                violations.add("frame ends in the middle of an escape");
            } else if (!badFrame) {
                request(frame.toByteArray());
            }
            return;
        }
        if (escape) {
            escape = false;
            if (b == 0xDC) {
                frame.write(0xC0);
            } else if (b == 0xDD) {
                frame.write(0xDB);
            } else {
                violations.add(String.format("invalid SLIP escape 0xDB 0x%02X", b));
                badFrame = true;
            }
        } else if (b == 0xDB) {
            escape = true;
        } else {
            frame.write(b);
        }
    }

    private void request(byte[] p) throws SerialPortException {
        if (p.length < 8) {
            violations.add("packet of " + p.length + " bytes, shorter than the 8-byte header");
            return;
        }
        ByteBuffer le = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int direction = p[0] & 0xFF;
        int op = p[1] & 0xFF;
        int size = le.getShort(2) & 0xFFFF;
        int checksum = le.getInt(4);
        byte[] data = Arrays.copyOfRange(p, 8, p.length);
        if (direction != 0x00) {
            violations.add(String.format("direction byte 0x%02X in a request (must be 0x00)", direction));
            return;
        }
        if (size != data.length) {
            violations.add(String.format("op 0x%02X: size field %d but %d data bytes", op, size, data.length));
            answer(op, 0, new byte[0], 1, 0x05);
            return;
        }
        boolean dataCommand = op == 0x03 || op == 0x07;
        if (!dataCommand && checksum != 0) {
            violations.add(String.format("op 0x%02X: checksum field 0x%08X on a command without one", op, checksum));
        }
        switch (op) {
        case 0x08 -> sync(data);
        case 0x0A -> readReg(data);
        case 0x02 -> flashBegin(data);
        case 0x03 -> flashData(data, checksum);
        case 0x04 -> flashEnd(data);
        case 0x13 -> md5(data);
        case 0x0F -> changeBaud(data);
        case 0x05 -> memBegin(data);
        case 0x07 -> memData(data, checksum);
        case 0x06 -> memEnd(data);
        default -> {
            requests.add(String.format("0x%02X", op));
            answer(op, 0, new byte[0], 1, 0x05);
        }
        }
    }

    private void sync(byte[] data) throws SerialPortException {
        requests.add("SYNC");
        byte[] expected = new byte[36];
        expected[0] = 0x07;
        expected[1] = 0x07;
        expected[2] = 0x12;
        expected[3] = 0x20;
        Arrays.fill(expected, 4, 36, (byte) 0x55);
        if (!Arrays.equals(expected, data)) {
            violations.add("SYNC data is not 07 07 12 20 + 32 x 55");
            return; // auto-baud fails: the ROM stays silent
        }
        for (int i = 0; i < SYNC_ANSWERS; i++) {
            answer(0x08, SYNC_VALUE, new byte[0], 0, 0);
        }
    }

    private void readReg(byte[] data) throws SerialPortException {
        requests.add("READ_REG");
        if (data.length != 4) {
            violations.add("READ_REG with " + data.length + " data bytes (must be 4)");
            answer(0x0A, 0, new byte[0], 1, 0x01);
            return;
        }
        int address = word(data, 0);
        answer(0x0A, registers.getOrDefault(address, 0), new byte[0], 0, 0);
    }

    private void flashBegin(byte[] data) throws SerialPortException {
        requests.add("FLASH_BEGIN");
        // The ESP8266 ROM reads the four fields it knows (erase size, blocks, block size, offset).
        // esptool-js sends a fifth word (the encrypted-write flag of later chips' ROMs) even to an
        // ESP8266; the ROM ignores it, and so does this model. Any other size is refused.
        if (data.length != 16 && data.length != 20) {
            violations.add("FLASH_BEGIN with " + data.length + " data bytes (the ESP8266 ROM takes 4 words, a fifth is ignored)");
            answer(0x02, 0, new byte[0], 1, 0x01);
            return;
        }
        int eraseSize = word(data, 0);
        int blocks = word(data, 1);
        int blockSize = word(data, 2);
        int offset = word(data, 3);
        if (blockSize != ROM_BLOCK) {
            violations.add(String.format("FLASH_BEGIN block size 0x%X (the ROM loader's is 0x400)", blockSize));
            answer(0x02, 0, new byte[0], 1, 0x01);
            return;
        }
        if (offset % SECTOR != 0) {
            violations.add(String.format("FLASH_BEGIN at 0x%X, not on a 4 KB sector", offset));
            answer(0x02, 0, new byte[0], 1, 0x01);
            return;
        }
        if ((long) offset + (long) blocks * blockSize > FLASH_SIZE) {
            violations.add(String.format("FLASH_BEGIN beyond the end of flash: 0x%X + %d blocks", offset, blocks));
            answer(0x02, 0, new byte[0], 1, 0x01);
            return;
        }
        // The ROM's erase: given r sectors it erases the sectors up to the next 64 KB boundary
        // (h of them) on top of r, or 2r when that is fewer; min(2r, r + h) covers both.
        int requested = (eraseSize + SECTOR - 1) / SECTOR;
        int startSector = offset / SECTOR;
        int head = 16 - startSector % 16;
        int erased = Math.min(2 * requested, requested + head);
        synchronized (this) {
            int end = Math.min(FLASH_SIZE, offset + erased * SECTOR);
            Arrays.fill(flash, offset, end, (byte) 0xFF);
            for (int a = offset; a < end; a++) {
                if (stuckHigh[a]) {
                    flash[a] |= 1;
                }
            }
        }
        erases.add(new int[] { offset, erased });
        flashing = true;
        flashOffset = offset;
        flashBlocks = blocks;
        flashBlockSize = blockSize;
        nextSeq = 0;
        lastBlock = null;
        answer(0x02, 0, new byte[0], 0, 0);
    }

    private void flashData(byte[] data, int checksum) throws SerialPortException {
        if (data.length < 16) {
            violations.add("FLASH_DATA shorter than its 16-byte header");
            answer(0x03, 0, new byte[0], 1, 0x05);
            return;
        }
        int length = word(data, 0);
        int seq = word(data, 1);
        requests.add("FLASH_DATA#" + seq);
        byte[] block = Arrays.copyOfRange(data, 16, data.length);
        Fault corrupt = take(f -> f instanceof CorruptNextBlock);
        if (corrupt != null) {
            block[block.length / 2] ^= 0x10;
        }
        if (!flashing) {
            violations.add("FLASH_DATA without FLASH_BEGIN");
            answer(0x03, 0, new byte[0], 1, 0x05);
            return;
        }
        if (word(data, 2) != 0 || word(data, 3) != 0) {
            violations.add("FLASH_DATA header words 3 and 4 must be 0");
        }
        if (length != block.length) {
            violations.add("FLASH_DATA says " + length + " bytes but carries " + block.length);
            answer(0x03, 0, new byte[0], 1, 0x05);
            return;
        }
        if (length != flashBlockSize) {
            violations.add("FLASH_DATA block of " + length + " bytes, FLASH_BEGIN said " + flashBlockSize + " (last block must be padded)");
            answer(0x03, 0, new byte[0], 1, 0x01);
            return;
        }
        int sum = 0xEF;
        for (byte b : block) {
            sum ^= b & 0xFF;
        }
        if (sum != checksum) {
            answer(0x03, 0, new byte[0], 1, 0x07);
            return;
        }
        boolean repeat = seq == nextSeq - 1 && Arrays.equals(block, lastBlock);
        if (seq != nextSeq && !repeat) {
            violations.add("FLASH_DATA sequence " + seq + ", expected " + nextSeq);
            answer(0x03, 0, new byte[0], 1, 0x01);
            return;
        }
        if (seq >= flashBlocks) {
            violations.add("FLASH_DATA block " + seq + " beyond the " + flashBlocks + " announced");
            answer(0x03, 0, new byte[0], 1, 0x01);
            return;
        }
        Fault refuse = take(f -> f instanceof RefuseBlock r && r.seq() == seq);
        if (refuse instanceof RefuseBlock r) {
            if (r.times() > 1) {
                faults.add(new RefuseBlock(seq, r.times() - 1));
            }
            answer(0x03, 0, new byte[0], 1, 0x08);
            return;
        }
        int address = flashOffset + seq * flashBlockSize;
        synchronized (this) {
            for (int i = 0; i < block.length; i++) {
                int a = address + i;
                if ((flash[a] & block[i]) != block[i]) {
                    violations.add(String.format("write over unerased flash at 0x%X", a));
                    break;
                }
            }
            for (int i = 0; i < block.length; i++) {
                int a = address + i;
                flash[a] &= block[i];
                if (stuckHigh[a]) {
                    flash[a] |= 1;
                }
            }
            if (take(f -> f instanceof FlipBitOnWrite w && w.seq() == seq) != null) {
                flash[address + 100] ^= 0x04;
            }
        }
        if (!repeat) {
            nextSeq++;
            lastBlock = block;
        }
        if (take(f -> f instanceof DropAnswer d && d.opcode() == 0x03) != null) {
            return;
        }
        answer(0x03, 0, new byte[0], 0, 0);
    }

    private void flashEnd(byte[] data) throws SerialPortException {
        requests.add("FLASH_END");
        if (data.length != 4 || (word(data, 0) != 0 && word(data, 0) != 1)) {
            violations.add("FLASH_END takes one word, 0 or 1");
            answer(0x04, 0, new byte[0], 1, 0x01);
            return;
        }
        flashing = false;
        answer(0x04, 0, new byte[0], 0, 0);
        inBootloader = false; // 0 reboots, 1 runs the user code: either way the loader is gone
    }

    private void md5(byte[] data) throws SerialPortException {
        requests.add("SPI_FLASH_MD5");
        if (variant == Variant.ESP8266_ROM) {
            answer(0x13, 0, new byte[0], 1, 0x05);
            return;
        }
        if (data.length != 16 || word(data, 2) != 0 || word(data, 3) != 0) {
            violations.add("SPI_FLASH_MD5 takes address, size, 0, 0");
            answer(0x13, 0, new byte[0], 1, 0x01);
            return;
        }
        int address = word(data, 0);
        int size = word(data, 1);
        if (address < 0 || size < 0 || (long) address + size > FLASH_SIZE) {
            violations.add("SPI_FLASH_MD5 outside the flash");
            answer(0x13, 0, new byte[0], 1, 0x01);
            return;
        }
        byte[] digest;
        synchronized (this) {
            try {
                MessageDigest md = MessageDigest.getInstance("MD5");
                md.update(flash, address, size);
                digest = md.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        answer(0x13, 0, digest, 0, 0);
    }

    private void memBegin(byte[] data) throws SerialPortException {
        requests.add("MEM_BEGIN");
        if (variant != Variant.ESP8266_ROM) {
            answer(0x05, 0, new byte[0], 1, 0x05);
            return;
        }
        if (data.length != 16) {
            violations.add("MEM_BEGIN with " + data.length + " data bytes (must be size, blocks, block size, address)");
            answer(0x05, 0, new byte[0], 1, 0x01);
            return;
        }
        int size = word(data, 0);
        int blocks = word(data, 1);
        int blockSize = word(data, 2);
        long address = Integer.toUnsignedLong(word(data, 3));
        boolean fits = false;
        for (long[] region : DOWNLOADABLE) {
            fits |= address >= region[0] && address + size <= region[1];
        }
        if (!fits || size <= 0 || blockSize <= 0 || blockSize > RAM_BLOCK_LIMIT || (long) blocks * blockSize < size
                || (long) (blocks - 1) * blockSize >= size) {
            violations.add(String.format("MEM_BEGIN of %d bytes in %d blocks of %d at 0x%08X: outside downloadable RAM or blocks not fitting",
                    size, blocks, blockSize, address));
            answer(0x05, 0, new byte[0], 1, 0x0F);
            return;
        }
        ramAddresses.add(new int[] { (int) address, size });
        ramSegment = new ByteArrayOutputStream();
        ramSegments.add(null);
        ramBlocks = blocks;
        ramBlockSize = blockSize;
        ramNextSeq = 0;
        answer(0x05, 0, new byte[0], 0, 0);
    }

    private void memData(byte[] data, int checksum) throws SerialPortException {
        requests.add("MEM_DATA");
        if (ramSegment == null || data.length < 16) {
            violations.add(ramSegment == null ? "MEM_DATA without MEM_BEGIN" : "MEM_DATA shorter than its 16-byte header");
            answer(0x07, 0, new byte[0], 1, 0x05);
            return;
        }
        int length = word(data, 0);
        int seq = word(data, 1);
        byte[] block = Arrays.copyOfRange(data, 16, data.length);
        int sum = 0xEF;
        for (byte b : block) {
            sum ^= b & 0xFF;
        }
        int[] current = ramAddresses.get(ramAddresses.size() - 1);
        int expected = Math.min(ramBlockSize, current[1] - seq * ramBlockSize);
        if (length != block.length || seq != ramNextSeq || seq >= ramBlocks || length != expected) {
            violations.add(String.format("MEM_DATA #%d of %d bytes (says %d): expected #%d of %d", seq, block.length, length, ramNextSeq, expected));
            answer(0x07, 0, new byte[0], 1, 0x01);
            return;
        }
        if (sum != checksum) {
            answer(0x07, 0, new byte[0], 1, 0x07);
            return;
        }
        ramSegment.writeBytes(block);
        ramNextSeq++;
        if (ramNextSeq == ramBlocks) {
            ramSegments.set(ramSegments.size() - 1, ramSegment.toByteArray());
            ramSegment = null;
        }
        answer(0x07, 0, new byte[0], 0, 0);
    }

    private void memEnd(byte[] data) throws SerialPortException {
        requests.add("MEM_END");
        if (data.length != 8) {
            violations.add("MEM_END takes two words: execute flag, entry point");
            answer(0x06, 0, new byte[0], 1, 0x01);
            return;
        }
        if (ramSegments.contains(null) || ramSegment != null) {
            violations.add("MEM_END before every downloaded segment was complete");
            answer(0x06, 0, new byte[0], 1, 0x01);
            return;
        }
        int flag = word(data, 0);
        int entry = word(data, 1);
        answer(0x06, 0, new byte[0], 0, 0);
        if (flag != 0) {
            return; // a download without a jump: the loader carries on
        }
        if (take(f -> f instanceof SilentStub) != null) {
            inBootloader = false;
            return;
        }
        try {
            byte[] image;
            synchronized (this) {
                image = flash.clone();
            }
            StubMachine machine = new StubMachine(ramAddresses, ramSegments, entry, image, bytes -> {
                try {
                    port.writeBytes(bytes);
                } catch (SerialPortException e) {
                    violations.add("stub output lost: " + e);
                }
            });
            stub = machine;
            Thread watcher = new Thread(() -> watch(machine), "stub-machine-watcher");
            watcher.setDaemon(true);
            watcher.start();
        } catch (java.io.IOException e) {
            violations.add("could not run the downloaded code: " + e.getMessage());
        }
    }

    /** When the stub's machine ends: its flash becomes the board's, and a restart boots the firmware. */
    private void watch(StubMachine machine) {
        try {
            int status;
            while ((status = machine.exitStatus(200)) < 0) {
                if (!running) {
                    return;
                }
            }
            synchronized (this) {
                System.arraycopy(machine.flash(0, FLASH_SIZE), 0, flash, 0, FLASH_SIZE);
            }
            if (status != 0x80) {
                violations.add("the stub stopped the stand-in ROM: " + StubMachine.describe(status) + " " + machine.log());
            }
            inBootloader = false;
            // Last: until now a test waiting on stubRunning() must not see the board half restarted.
            synchronized (this) {
                stub = null;
            }
            machine.close();
        } catch (InterruptedException | java.io.IOException e) {
            violations.add("stub machine: " + e);
        }
    }

    /** Decodes what the host sends a running stub, to record which commands it got. */
    private static final class StubTraffic {
        private static String name(int op) {
            return switch (op) {
            case 0x02 -> "FLASH_BEGIN";
            case 0x03 -> "FLASH_DATA";
            case 0x04 -> "FLASH_END";
            case 0x08 -> "SYNC";
            case 0x0A -> "READ_REG";
            case 0x13 -> "SPI_FLASH_MD5";
            default -> String.format("0x%02X", op);
            };
        }

        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        private boolean inFrame;

        void accept(byte[] chunk) {
            for (byte x : chunk) {
                int b = x & 0xFF;
                if (b != 0xC0) {
                    if (inFrame) {
                        frame.write(b);
                    }
                    continue;
                }
                if (inFrame && frame.size() >= 2) {
                    // Escapes do not matter here: the opcode byte follows the direction byte 0x00.
                    byte[] f = frame.toByteArray();
                    requests.add(name(f[1] & 0xFF));
                    inFrame = false;
                } else {
                    inFrame = true;
                }
                frame.reset();
            }
        }
    }

    private void changeBaud(byte[] data) throws SerialPortException {
        requests.add("CHANGE_BAUDRATE");
        if (variant == Variant.ESP8266_ROM) {
            answer(0x0F, 0, new byte[0], 1, 0x05);
            return;
        }
        answer(0x0F, 0, new byte[0], 0, 0);
        port.setParams(word(data, 0), 8, 1, 0, false, false);
    }

    private Fault take(java.util.function.Predicate<Fault> which) {
        for (Fault f : new ArrayList<>(faults)) {
            if (which.test(f) && faults.remove(f)) {
                return f;
            }
        }
        return null;
    }

    private void answer(int op, int value, byte[] payload, int status, int error) throws SerialPortException {
        if (op != 0x03 && take(f -> f instanceof DropAnswer d && d.opcode() == op) != null) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x01).put((byte) op).putShort((short) (payload.length + 2)).putInt(value).put(payload);
        b.put((byte) status).put((byte) error);
        port.writeBytes(slip(b.array()));
    }

    static byte[] slip(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0);
        for (byte x : payload) {
            int v = x & 0xFF;
            if (v == 0xC0) {
                out.write(0xDB);
                out.write(0xDC);
            } else if (v == 0xDB) {
                out.write(0xDB);
                out.write(0xDD);
            } else {
                out.write(v);
            }
        }
        out.write(0xC0);
        return out.toByteArray();
    }

    private static int word(byte[] data, int index) {
        return ByteBuffer.wrap(data, index * 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
