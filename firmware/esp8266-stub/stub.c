/*
 * Pearl's ESP8266 flasher stub: the commands the ESP8266 ROM loader lacks, above all
 * SPI_FLASH_MD5, so that a flashed region can be read back and checked. The host writes flash
 * through the ROM loader as before, then loads this stub into RAM with MEM_BEGIN / MEM_DATA /
 * MEM_END; it speaks the same SLIP-framed protocol (serial-protocols.md §2.2-2.5).
 *
 * Commands: SYNC (answered with value 0, which tells a host a stub is running), READ_REG,
 * SPI_FLASH_MD5 (16 raw digest bytes), FLASH_BEGIN / FLASH_DATA (so that sectors found wrong can be
 * written again without going back to the ROM; the erase size is taken as meant, without the
 * ROM's erase bug) and FLASH_END (0 restarts the chip). Anything else is answered with status 1
 * and error 0xFF, "not implemented".
 */
#include "stub.h"

#include "md5.h"
#include "platform.h"

enum {
    OP_FLASH_BEGIN = 0x02,
    OP_FLASH_DATA = 0x03,
    OP_FLASH_END = 0x04,
    OP_SYNC = 0x08,
    OP_READ_REG = 0x0A,
    OP_SPI_FLASH_MD5 = 0x13,
};

enum {
    ERROR_BAD_LENGTH = 0xC0,     /* the data field does not fit the command */
    ERROR_BAD_CHECKSUM = 0xC1,   /* a FLASH_DATA block arrived damaged */
    ERROR_BAD_BLOCK = 0xC2,      /* block size, sequence or address out of order */
    ERROR_NOT_WRITING = 0xC3,    /* FLASH_DATA without FLASH_BEGIN */
    ERROR_FLASH_READ = 0xC4,     /* the ROM's SPIRead failed */
    ERROR_FLASH_WRITE = 0xC6,    /* the ROM's SPIEraseSector or SPIWrite failed */
    ERROR_BAD_FRAME = 0xC5,      /* a frame too long for a request, or a bad escape */
    ERROR_NOT_IMPLEMENTED = 0xFF,
};

#define SLIP_END 0xC0
#define SLIP_ESC 0xDB
#define SLIP_ESC_END 0xDC
#define SLIP_ESC_ESC 0xDD

/* The ROM loader's flash block, the largest FLASH_DATA taken. */
#define MAX_BLOCK 0x400
/* Largest request: the 8-byte header, FLASH_DATA's 16-byte header and one block. */
#define MAX_REQUEST (8 + 16 + MAX_BLOCK)
#define SECTOR 4096
/* Flash is hashed in pieces of this size, read into DRAM (the ROM reads only into DRAM). */
#define READ_CHUNK 4096
/* The ESP8266 addresses at most 16 MB of flash. */
#define FLASH_LIMIT 0x1000000u

static uint32_t read_buffer[READ_CHUNK / 4];
static struct md5 hash;

/* The write FLASH_BEGIN started. */
static struct {
    int active;
    uint32_t offset;
    uint32_t blocks;
    uint32_t block_size;
    uint32_t next;
} writing;

static void slip_byte(uint8_t b)
{
    if (b == SLIP_END) {
        platform_uart_write(SLIP_ESC);
        platform_uart_write(SLIP_ESC_END);
    } else if (b == SLIP_ESC) {
        platform_uart_write(SLIP_ESC);
        platform_uart_write(SLIP_ESC_ESC);
    } else {
        platform_uart_write(b);
    }
}

static void slip_word(uint32_t w, int bytes)
{
    for (int i = 0; i < bytes; i++) {
        slip_byte((uint8_t) (w >> (8 * i)));
    }
}

/* A response: direction 1, the opcode, the data length, the value, the data, then the two
   status bytes the ESP8266 ROM and its stubs end every response with. */
static void respond(uint8_t op, uint32_t value, const uint8_t *data, uint16_t length, uint8_t error)
{
    platform_uart_write(SLIP_END);
    slip_byte(0x01);
    slip_byte(op);
    slip_word(length + 2u, 2);
    slip_word(value, 4);
    for (uint16_t i = 0; i < length; i++) {
        slip_byte(data[i]);
    }
    slip_byte(error == 0 ? 0 : 1);
    slip_byte(error);
    platform_uart_write(SLIP_END);
}

/* The next request frame into buffer; its length, or -1 for a frame that was too long or
   badly escaped (its opcode, when it got that far, is in buffer[1]). */
static int receive(uint8_t *buffer)
{
    uint8_t b;
    do {
        b = platform_uart_read();
    } while (b != SLIP_END);
    int length = 0;
    int broken = 0;
    for (;;) {
        b = platform_uart_read();
        if (b == SLIP_END) {
            if (length == 0 && !broken) {
                continue; /* back-to-back delimiters */
            }
            return broken ? -1 : length;
        }
        if (b == SLIP_ESC) {
            b = platform_uart_read();
            if (b == SLIP_END) {
                return -1; /* cut right after an escape: this delimiter ends the frame */
            }
            if (b == SLIP_ESC_END) {
                b = SLIP_END;
            } else if (b == SLIP_ESC_ESC) {
                b = SLIP_ESC;
            } else {
                broken = 1;
            }
        }
        if (length < MAX_REQUEST) {
            buffer[length++] = b;
        } else {
            broken = 1;
        }
    }
}

static uint32_t word_at(const uint8_t *p)
{
    return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static void flash_md5(const uint8_t *data, uint16_t length)
{
    if (length != 16) {
        respond(OP_SPI_FLASH_MD5, 0, 0, 0, ERROR_BAD_LENGTH);
        return;
    }
    uint32_t address = word_at(data);
    uint32_t size = word_at(data + 4);
    if (address >= FLASH_LIMIT || size > FLASH_LIMIT - address) {
        respond(OP_SPI_FLASH_MD5, 0, 0, 0, ERROR_BAD_LENGTH);
        return;
    }
    md5_init(&hash);
    while (size > 0) {
        /* SPIRead moves whole words from word addresses: read the word-aligned window around
           the piece, hash only the bytes asked for. */
        uint32_t skip = address & 3;
        uint32_t piece = size < READ_CHUNK - 4 ? size : READ_CHUNK - 4;
        uint32_t window = (skip + piece + 3) & ~3u;
        if (platform_flash_read(address - skip, read_buffer, window) != 0) {
            respond(OP_SPI_FLASH_MD5, 0, 0, 0, ERROR_FLASH_READ);
            return;
        }
        md5_update(&hash, (const uint8_t *) read_buffer + skip, piece);
        address += piece;
        size -= piece;
    }
    uint8_t digest[16];
    md5_final(&hash, digest);
    respond(OP_SPI_FLASH_MD5, 0, digest, sizeof digest, 0);
}

static uint8_t xor_checksum(const uint8_t *data, uint32_t length)
{
    uint8_t sum = 0xEF;
    for (uint32_t i = 0; i < length; i++) {
        sum ^= data[i];
    }
    return sum;
}

static void flash_begin(const uint8_t *data, uint16_t length)
{
    /* Four words; a fifth (later chips' encryption flag) is ignored as the ROM ignores it. */
    if (length != 16 && length != 20) {
        respond(OP_FLASH_BEGIN, 0, 0, 0, ERROR_BAD_LENGTH);
        return;
    }
    uint32_t erase = word_at(data);
    uint32_t blocks = word_at(data + 4);
    uint32_t block_size = word_at(data + 8);
    uint32_t offset = word_at(data + 12);
    uint32_t end = offset + erase;
    if (block_size == 0 || block_size > MAX_BLOCK || block_size % 4 != 0 || offset % SECTOR != 0
            || offset >= FLASH_LIMIT || erase > FLASH_LIMIT - offset
            || blocks > FLASH_LIMIT / 4 || blocks * block_size > FLASH_LIMIT - offset) {
        writing.active = 0;
        respond(OP_FLASH_BEGIN, 0, 0, 0, ERROR_BAD_BLOCK);
        return;
    }
    for (uint32_t sector = offset / SECTOR; sector * SECTOR < end; sector++) {
        if (platform_flash_erase_sector(sector) != 0) {
            writing.active = 0;
            respond(OP_FLASH_BEGIN, 0, 0, 0, ERROR_FLASH_WRITE);
            return;
        }
    }
    writing.active = 1;
    writing.offset = offset;
    writing.blocks = blocks;
    writing.block_size = block_size;
    writing.next = 0;
    respond(OP_FLASH_BEGIN, 0, 0, 0, 0);
}

static void flash_data(const uint8_t *data, uint16_t length, uint32_t checksum)
{
    if (!writing.active) {
        respond(OP_FLASH_DATA, 0, 0, 0, ERROR_NOT_WRITING);
        return;
    }
    if (length < 16 || word_at(data) != (uint32_t) (length - 16)) {
        respond(OP_FLASH_DATA, 0, 0, 0, ERROR_BAD_LENGTH);
        return;
    }
    uint32_t size = word_at(data);
    uint32_t seq = word_at(data + 4);
    const uint8_t *block = data + 16;
    if (xor_checksum(block, size) != checksum) {
        respond(OP_FLASH_DATA, 0, 0, 0, ERROR_BAD_CHECKSUM);
        return;
    }
    /* The block just written may come again when its answer was lost: writing the same bytes
       over themselves changes nothing. */
    if (size != writing.block_size || seq >= writing.blocks || (seq != writing.next && seq + 1 != writing.next)) {
        respond(OP_FLASH_DATA, 0, 0, 0, ERROR_BAD_BLOCK);
        return;
    }
    if (platform_flash_write(writing.offset + seq * writing.block_size, (const uint32_t *) block, size) != 0) {
        respond(OP_FLASH_DATA, 0, 0, 0, ERROR_FLASH_WRITE);
        return;
    }
    if (seq == writing.next) {
        writing.next++;
    }
    respond(OP_FLASH_DATA, 0, 0, 0, 0);
}

void stub_serve(void)
{
    static const uint8_t hello[] = { SLIP_END, 'O', 'H', 'A', 'I', SLIP_END };
    for (unsigned i = 0; i < sizeof hello; i++) {
        platform_uart_write(hello[i]);
    }
    /* Word-aligned, so that a FLASH_DATA block (at offset 24) can go to SPIWrite as it is. */
    static uint32_t request_words[(MAX_REQUEST + 3) / 4];
    uint8_t *request = (uint8_t *) request_words;
    for (;;) {
        int length = receive(request);
        if (length < 0) {
            respond(request[1], 0, 0, 0, ERROR_BAD_FRAME);
            continue;
        }
        if (length < 8 || request[0] != 0x00) {
            continue; /* not a request: nothing sensible to answer */
        }
        uint8_t op = request[1];
        uint16_t size = (uint16_t) (request[2] | request[3] << 8);
        const uint8_t *data = request + 8;
        uint16_t carried = (uint16_t) (length - 8);
        if (size != carried) {
            respond(op, 0, 0, 0, ERROR_BAD_LENGTH);
            continue;
        }
        switch (op) {
        case OP_SYNC:
            respond(op, 0, 0, 0, 0);
            break;
        case OP_READ_REG:
            if (carried != 4) {
                respond(op, 0, 0, 0, ERROR_BAD_LENGTH);
            } else {
                respond(op, platform_read_word(word_at(data)), 0, 0, 0);
            }
            break;
        case OP_SPI_FLASH_MD5:
            flash_md5(data, carried);
            break;
        case OP_FLASH_BEGIN:
            flash_begin(data, carried);
            break;
        case OP_FLASH_DATA:
            flash_data(data, carried, word_at(request + 4));
            break;
        case OP_FLASH_END:
            writing.active = 0;
            respond(op, 0, 0, 0, carried == 4 ? 0 : ERROR_BAD_LENGTH);
            if (carried == 4 && word_at(data) == 0) {
                platform_restart();
            }
            break;
        default:
            respond(op, 0, 0, 0, ERROR_NOT_IMPLEMENTED);
            break;
        }
    }
}
