/* The stub on a real ESP8266: the UART and flash through the mask ROM's own routines, whose
   addresses esp8266.ld gives. */
#include <stdint.h>

#include "platform.h"
#include "stub.h"

/* In the mask ROM (addresses in esp8266.ld). */
int uart_rx_one_char(uint8_t *byte);        /* 0 when a byte was waiting in the RX FIFO */
int uart_tx_one_char(uint8_t byte);         /* waits for room in the TX FIFO */
int SPIRead(uint32_t address, void *dram, uint32_t size);
int SPIWrite(uint32_t address, const void *dram, uint32_t size);
int SPIEraseSector(uint32_t sector);
void rom_reset_vector(void) __attribute__((noreturn));

/* UART0's status register: bits 16-23 count the bytes still in the TX FIFO. */
#define UART0_STATUS (*(volatile uint32_t *) 0x6000001C)

extern uint32_t _bss_start, _bss_end;

uint8_t platform_uart_read(void)
{
    uint8_t byte;
    while (uart_rx_one_char(&byte) != 0) {
    }
    return byte;
}

void platform_uart_write(uint8_t byte)
{
    uart_tx_one_char(byte);
}

int platform_flash_read(uint32_t address, uint32_t *buffer, uint32_t size)
{
    return SPIRead(address, buffer, size);
}

int platform_flash_erase_sector(uint32_t sector)
{
    return SPIEraseSector(sector);
}

int platform_flash_write(uint32_t address, const uint32_t *buffer, uint32_t size)
{
    return SPIWrite(address, buffer, size);
}

uint32_t platform_read_word(uint32_t address)
{
    return *(volatile uint32_t *) address;
}

void platform_restart(void)
{
    /* Let the last answer leave the FIFO before the chip restarts. */
    while ((UART0_STATUS >> 16) & 0xFF) {
    }
    rom_reset_vector();
}

/* MEM_END's entry point. */
void stub_main(void)
{
    /* Mask every interrupt: the ROM loader's UART interrupt would otherwise take the bytes out of
       the FIFO this stub polls. Nothing the stub calls needs interrupts. */
    uint32_t previous;
    __asm__ volatile ("rsil %0, 15" : "=r"(previous) :: "memory");
    (void) previous;
    for (uint32_t *p = &_bss_start; p < &_bss_end; p++) {
        *p = 0;
    }
    stub_serve();
}
