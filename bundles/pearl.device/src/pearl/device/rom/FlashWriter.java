package pearl.device.rom;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes images to flash through the ROM loader: erase and write each region in 1 KB blocks with
 * retries, then check every region's MD5 and rewrite the sectors that do not match. The ESP8266
 * ROM cannot hash flash, so when it refuses SPI_FLASH_MD5 the writer loads Pearl's
 * {@link FlasherStub} into RAM and checks (and rewrites) through it instead.
 */
public final class FlashWriter {

    /** The ROM loader's block size ({@code FLASH_WRITE_SIZE}); stubs take 16 KB, the ROM 1 KB. */
    public static final int BLOCK = 0x400;
    /** Sends of one block before giving up, as esptool. */
    public static final int BLOCK_ATTEMPTS = 3;
    private static final int SECTORS_PER_BLOCK = 16;

    private final RomBootloaderClient client;
    private final FlashProgress progress;
    private final FlasherStub stub;
    private int blocksWritten;
    private int retries;

    /** A writer driving {@code client}, reporting to {@code progress}, verifying through Pearl's stub where the ROM cannot. */
    public FlashWriter(RomBootloaderClient client, FlashProgress progress) {
        this(client, progress, FlasherStub.esp8266());
    }

    /**
     * A writer that verifies through {@code stub} where the ROM cannot hash flash, or leaves the
     * flash unverified there when {@code stub} is {@code null}.
     */
    public FlashWriter(RomBootloaderClient client, FlashProgress progress, FlasherStub stub) {
        this.client = client;
        this.progress = progress;
        this.stub = stub;
    }

    /**
     * The erase size to send in FLASH_BEGIN so that the ESP8266 ROM erases exactly the sectors of
     * {@code size} bytes from {@code offset}. The ROM erases the sectors up to the next 64 KB
     * boundary ("head") on top of the size it is given, or twice the size when that is smaller;
     * this asks for correspondingly less. Because the ROM doubles small sizes, an odd number of
     * sectors that ends before the next 64 KB boundary cannot be asked for exactly: the ROM then
     * erases one sector more than the data needs ({@link #write} orders the images so that this
     * extra sector is never one already written in the same run).
     */
    public static int eraseSize(int offset, int size) {
        int sectors = (size + FlashImage.SECTOR - 1) / FlashImage.SECTOR;
        int startSector = offset / FlashImage.SECTOR;
        int head = Math.min(SECTORS_PER_BLOCK - startSector % SECTORS_PER_BLOCK, sectors);
        if (sectors < 2 * head) {
            return (sectors + 1) / 2 * FlashImage.SECTOR;
        }
        return (sectors - head) * FlashImage.SECTOR;
    }

    /**
     * Writes all images and verifies them.
     *
     * @return what happened; {@code verified} is false only when the loader cannot hash flash
     * @throws IllegalArgumentException when two images share a sector
     * @throws VerificationFailedException naming the region and block that will not verify
     */
    public FlashResult write(List<FlashImage> images) throws IOException {
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                if (images.get(i).overlaps(images.get(j))) {
                    throw new IllegalArgumentException(images.get(i) + " and " + images.get(j) + " overlap (they share a 4 KB sector)");
                }
            }
        }
        // In address order: the ROM may erase one sector past a region (see eraseSize), and that
        // sector then belongs to an image not yet written rather than one already done.
        List<FlashImage> ordered = new ArrayList<>(images);
        ordered.sort(java.util.Comparator.comparingInt(FlashImage::alignedAddress));
        for (FlashImage image : ordered) {
            byte[] data = padded(image);
            progress.regionStarted(image, data.length / BLOCK);
            writeRegion(image, image.alignedAddress(), data, true);
        }
        List<Integer> rewritten = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            try {
                verify(ordered.get(i), rewritten);
            } catch (UnsupportedRomCommandException e) {
                String why = startStub();
                if (why != null) {
                    progress.verificationUnavailable(why);
                    return new FlashResult(false, blocksWritten, retries, List.copyOf(rewritten));
                }
                i--; // the same region again, through the stub
            }
        }
        return new FlashResult(true, blocksWritten, retries, List.copyOf(rewritten));
    }

    /** Starts the stub for the checks the ROM cannot do; null when it runs, else why not. */
    private String startStub() throws IOException {
        String romCannot = "the ESP8266 ROM loader has no SPI_FLASH_MD5";
        if (stub == null || client.stubRunning()) {
            return romCannot + ", so the written flash could not be read back";
        }
        progress.stubStarting(romCannot);
        try {
            client.runStub(stub);
            return null;
        } catch (RomException e) {
            return romCannot + ", and " + e.getMessage();
        }
    }

    /**
     * Leaves the loader: FLASH_END asking for a reboot, then an EN pulse for boards whose ROM
     * ignores it, so the new firmware starts.
     */
    public void reboot(SerialLine line) throws IOException {
        client.flashEnd(true);
        BootloaderReset.hardReset(line);
    }

    /** The image as the loader gets it: sector-aligned in front, padded with 0xFF to whole blocks. */
    static byte[] padded(FlashImage image) {
        byte[] aligned = image.alignedBytes();
        int length = (aligned.length + BLOCK - 1) / BLOCK * BLOCK;
        byte[] data = Arrays.copyOf(aligned, length);
        Arrays.fill(data, aligned.length, length, (byte) 0xFF);
        return data;
    }

    private void writeRegion(FlashImage image, int address, byte[] data, boolean report) throws IOException {
        int blocks = data.length / BLOCK;
        // A running stub erases what it is asked; only the ROM needs its erase bug worked around.
        client.flashBegin(client.stubRunning() ? data.length : eraseSize(address, data.length), blocks, BLOCK, address);
        for (int seq = 0; seq < blocks; seq++) {
            byte[] block = Arrays.copyOfRange(data, seq * BLOCK, (seq + 1) * BLOCK);
            writeBlock(image, address, block, seq, blocks);
            blocksWritten++;
            if (report) {
                progress.blockWritten(image, seq, blocks);
            }
        }
    }

    private void writeBlock(FlashImage image, int regionAddress, byte[] block, int seq, int blocks) throws IOException {
        RomException last = null;
        for (int attempt = 1; attempt <= BLOCK_ATTEMPTS; attempt++) {
            try {
                client.flashData(block, seq);
                return;
            } catch (RomTimeoutException | RomErrorException e) {
                last = e;
                if (attempt < BLOCK_ATTEMPTS) {
                    retries++;
                    progress.blockRetried(image, seq, e.getMessage());
                }
            }
        }
        throw new RomException(String.format("writing %s failed: block %d/%d at 0x%05X was refused %d times (%s)", image.label(), seq + 1,
                blocks, regionAddress + seq * BLOCK, BLOCK_ATTEMPTS, last.getMessage()));
    }

    private void verify(FlashImage image, List<Integer> rewritten) throws IOException {
        int address = image.alignedAddress();
        byte[] data = padded(image);
        if (Arrays.equals(client.flashMd5(address, data.length), md5(data, 0, data.length))) {
            progress.regionVerified(image);
            return;
        }
        // Narrow the mismatch down to sectors (the erase unit) and write only those again.
        for (int offset = 0; offset < data.length; offset += FlashImage.SECTOR) {
            int length = Math.min(FlashImage.SECTOR, data.length - offset);
            if (Arrays.equals(client.flashMd5(address + offset, length), md5(data, offset, length))) {
                continue;
            }
            // Rewrite two sectors where the region has them: the ROM erases an even number of
            // sectors exactly, but one sector alone costs its neighbour too.
            int from = offset;
            int to = Math.min(offset + 2 * FlashImage.SECTOR, data.length);
            if (to - from <= FlashImage.SECTOR && from >= FlashImage.SECTOR) {
                from -= FlashImage.SECTOR;
            }
            writeRegion(image, address + from, Arrays.copyOfRange(data, from, to), false);
            rewritten.add(address + offset);
            progress.sectorRewritten(image, address + offset);
            if (!Arrays.equals(client.flashMd5(address + offset, length), md5(data, offset, length))) {
                throw mismatch(image, address, data, offset, length);
            }
        }
        if (!Arrays.equals(client.flashMd5(address, data.length), md5(data, 0, data.length))) {
            throw new VerificationFailedException(String.format("verification failed: %s, region 0x%05X-0x%05X: the flash MD5 still differs",
                    image.label(), address, address + data.length - 1), address);
        }
        progress.regionVerified(image);
    }

    private VerificationFailedException mismatch(FlashImage image, int regionAddress, byte[] data, int sectorOffset, int sectorLength)
            throws IOException {
        int blocks = data.length / BLOCK;
        for (int offset = sectorOffset; offset < sectorOffset + sectorLength; offset += BLOCK) {
            byte[] actual = client.flashMd5(regionAddress + offset, BLOCK);
            byte[] expected = md5(data, offset, BLOCK);
            if (!Arrays.equals(actual, expected)) {
                return new VerificationFailedException(String.format(
                        "verification failed: %s, region 0x%05X-0x%05X, block %d/%d at 0x%05X reads back wrong after rewriting (flash MD5 %s, expected %s)",
                        image.label(), regionAddress, regionAddress + data.length - 1, offset / BLOCK + 1, blocks, regionAddress + offset,
                        HexFormat.of().formatHex(actual), HexFormat.of().formatHex(expected)), regionAddress + offset);
            }
        }
        return new VerificationFailedException(String.format("verification failed: %s, region 0x%05X-0x%05X, sector at 0x%05X",
                image.label(), regionAddress, regionAddress + data.length - 1, regionAddress + sectorOffset), regionAddress + sectorOffset);
    }

    /** MD5 of {@code data[offset..offset+length)}. */
    static byte[] md5(byte[] data, int offset, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, offset, length);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
