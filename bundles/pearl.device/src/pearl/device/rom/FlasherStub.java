package pearl.device.rom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pearl's ESP8266 flasher stub: a small program the ROM loader takes into RAM (MEM_BEGIN /
 * MEM_DATA / MEM_END) and runs, which answers SPI_FLASH_MD5 (and FLASH_BEGIN / FLASH_DATA, so
 * that sectors found wrong can be written again) where the ESP8266 ROM cannot. Its sources are
 * {@code firmware/esp8266-stub}; the ELF file built from them ships inside this bundle.
 */
public final class FlasherStub {

    /** The unsolicited frame a stub sends once it runs. */
    public static final byte[] GREETING = { 'O', 'H', 'A', 'I' };

    private static final String RESOURCE = "esp8266-stub.elf";
    private static final int SHT_PROGBITS = 1;
    private static final int SHF_ALLOC = 2;

    /** One piece of the stub to put at {@code address}. */
    public record Segment(int address, byte[] bytes) {

        /** Whether the piece lies in {@code [from, to)}. */
        public boolean within(long from, long to) {
            long start = Integer.toUnsignedLong(address);
            return start >= from && start + bytes.length <= to;
        }

        @Override
        public String toString() {
            return String.format("%d bytes at 0x%08X", bytes.length, address);
        }
    }

    private final List<Segment> segments;
    private final int entry;

    private FlasherStub(List<Segment> segments, int entry) {
        this.segments = List.copyOf(segments);
        this.entry = entry;
    }

    /** The stub that ships with Pearl. */
    public static FlasherStub esp8266() {
        try (InputStream in = FlasherStub.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from pearl.device");
            }
            return fromElf(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The loadable sections of a 32-bit little-endian ELF file and its entry point. Sections, not
     * program headers: a linker's page-aligned segment can carry the ELF header along, which must
     * not land in the chip's RAM.
     *
     * @throws IllegalArgumentException when the bytes are not such a file
     */
    public static FlasherStub fromElf(byte[] elf) {
        if (elf.length < 52 || elf[0] != 0x7F || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 1 || elf[5] != 1) {
            throw new IllegalArgumentException("not a 32-bit little-endian ELF file");
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int entry = b.getInt(24);
        int sectionTable = b.getInt(32);
        int sectionSize = b.getShort(46) & 0xFFFF;
        int sections = b.getShort(48) & 0xFFFF;
        if (sectionTable <= 0 || (long) sectionTable + (long) sections * sectionSize > elf.length || sectionSize < 40) {
            throw new IllegalArgumentException("ELF section table outside the file");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            int at = sectionTable + i * sectionSize;
            int type = b.getInt(at + 4);
            int flags = b.getInt(at + 8);
            int address = b.getInt(at + 12);
            int offset = b.getInt(at + 16);
            int size = b.getInt(at + 20);
            if (type != SHT_PROGBITS || (flags & SHF_ALLOC) == 0 || size == 0) {
                continue;
            }
            if (offset < 0 || size < 0 || (long) offset + size > elf.length) {
                throw new IllegalArgumentException("ELF section " + i + " outside the file");
            }
            segments.add(new Segment(address, Arrays.copyOfRange(elf, offset, offset + size)));
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("ELF file has nothing to load");
        }
        return new FlasherStub(segments, entry);
    }

    /** What to load, in file order. */
    public List<Segment> segments() {
        return segments;
    }

    /** Where MEM_END starts it. */
    public int entry() {
        return entry;
    }
}
