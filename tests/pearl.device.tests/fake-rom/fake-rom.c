/*
 * A stand-in for the ESP8266 mask ROM, for running Pearl's flasher stub under QEMU (machine
 * "sim", CPU lx106). It offers the routines the stub calls, at their real addresses, and does
 * their work on the host through QEMU's semihosting: the UART is two FIFOs ("uart.rx",
 * "uart.tx") and the SPI flash is a file ("flash.bin"), all in QEMU's working directory. The
 * ROM's limits that matter to a stub are checked, and a breach ends QEMU with an exit status
 * that names it (see the Status enum), which the test reports.
 *
 * The stub's entry point is the word at ENTRY_WORD, put there by the simulator when it starts
 * QEMU, as the ROM loader's MEM_END would jump to it.
 */
#include <stdint.h>

#define ENTRY_WORD (*(volatile uint32_t *) 0x3FFFB000)
#define SECTOR 4096

enum {
    SYS_EXIT = 1, SYS_READ = 3, SYS_WRITE = 4, SYS_OPEN = 5, SYS_LSEEK = 19
};

/* Why QEMU exits. */
enum Status {
    RESTARTED = 0x80,           /* the stub jumped to the reset vector */
    UART_CLOSED = 0x81,         /* the host closed the UART: the simulator is done */
    NOT_DRAM = 0x82,            /* SPIRead/SPIWrite given a buffer outside DRAM */
    UNALIGNED = 0x83,           /* a flash buffer, address or size not a multiple of 4 */
    OUTSIDE_FLASH = 0x84,       /* flash access past the end of the chip */
    STUB_RETURNED = 0x85,       /* the stub's entry point returned */
    HOST_FILE = 0x86,           /* a host file would not open */
};

#define FLASH_SIZE (4 * 1024 * 1024)

static int flash_fd, rx_fd, tx_fd;
static uint8_t sector_buffer[SECTOR];

static int simcall(int call, int a, int b, int c)
{
    register int a2 __asm__("a2") = call;
    register int a3 __asm__("a3") = a;
    register int a4 __asm__("a4") = b;
    register int a5 __asm__("a5") = c;
    __asm__ volatile ("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    return a2;
}

static void __attribute__((noreturn)) stop(enum Status status)
{
    simcall(SYS_EXIT, status, 0, 0);
    for (;;) {
    }
}

static int open_host(const char *name, int flags)
{
    int fd = simcall(SYS_OPEN, (int) name, flags, 0);
    if (fd < 0) {
        stop(HOST_FILE);
    }
    return fd;
}

static void check_flash(uint32_t address, uint32_t buffer, uint32_t size)
{
    /* The ROM's SPI routines move whole words between flash and data RAM only. */
    if (buffer < 0x3FFE8000 || buffer + size > 0x40000000) {
        stop(NOT_DRAM);
    }
    if ((address | buffer | size) & 3) {
        stop(UNALIGNED);
    }
    if (address >= FLASH_SIZE || size > FLASH_SIZE - address) {
        stop(OUTSIDE_FLASH);
    }
}

static void flash_io(int call, uint32_t address, void *buffer, uint32_t size)
{
    simcall(SYS_LSEEK, flash_fd, (int) address, 0);
    simcall(call, flash_fd, (int) buffer, (int) size);
}

int fake_SPIRead(uint32_t address, void *dram, uint32_t size)
{
    check_flash(address, (uint32_t) dram, size);
    flash_io(SYS_READ, address, dram, size);
    return 0;
}

int fake_SPIWrite(uint32_t address, const void *dram, uint32_t size)
{
    check_flash(address, (uint32_t) dram, size);
    /* NOR flash: writing only clears bits, so what lands is old AND new. */
    const uint8_t *data = dram;
    while (size > 0) {
        uint32_t piece = size < SECTOR ? size : SECTOR;
        flash_io(SYS_READ, address, sector_buffer, piece);
        for (uint32_t i = 0; i < piece; i++) {
            sector_buffer[i] &= data[i];
        }
        flash_io(SYS_WRITE, address, sector_buffer, piece);
        address += piece;
        data += piece;
        size -= piece;
    }
    return 0;
}

int fake_SPIEraseSector(uint32_t sector)
{
    if (sector >= FLASH_SIZE / SECTOR) {
        stop(OUTSIDE_FLASH);
    }
    for (int i = 0; i < SECTOR; i++) {
        sector_buffer[i] = 0xFF;
    }
    flash_io(SYS_WRITE, sector * SECTOR, sector_buffer, SECTOR);
    return 0;
}

int fake_uart_rx_one_char(uint8_t *byte)
{
    /* The real routine returns at once when the FIFO is empty; waiting here instead is the same
       to a caller that polls until a byte comes. */
    static uint8_t in;
    if (simcall(SYS_READ, rx_fd, (int) &in, 1) != 1) {
        stop(UART_CLOSED);
    }
    *byte = in;
    return 0;
}

int fake_uart_tx_one_char(uint8_t byte)
{
    static uint8_t out;
    out = byte;
    if (simcall(SYS_WRITE, tx_fd, (int) &out, 1) != 1) {
        stop(UART_CLOSED);
    }
    return 0;
}

void fake_reset(void)
{
    stop(RESTARTED);
}

void rom_main(void)
{
    flash_fd = open_host("flash.bin", 2);
    rx_fd = open_host("uart.rx", 0);
    tx_fd = open_host("uart.tx", 1);
    ((void (*)(void)) ENTRY_WORD)();
    stop(STUB_RETURNED);
}
