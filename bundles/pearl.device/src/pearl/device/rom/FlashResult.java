package pearl.device.rom;

import java.util.List;

/**
 * How a flash write went.
 *
 * @param verified       every region's MD5 matched; false only when neither the loader nor the flasher stub could hash flash
 * @param blocksWritten  FLASH_DATA blocks accepted, retries and rewrites included
 * @param retries        blocks sent again after a lost or refused answer
 * @param rewrittenSectors addresses of sectors rewritten after a verification mismatch
 */
public record FlashResult(boolean verified, int blocksWritten, int retries, List<Integer> rewrittenSectors) {
}
