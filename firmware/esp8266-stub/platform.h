/* What the stub needs from the chip. esp8266.c supplies it from the ESP8266 mask ROM; the tests
   run the same stub binary under QEMU with a stand-in ROM at the same addresses. */
#ifndef PEARL_STUB_PLATFORM_H
#define PEARL_STUB_PLATFORM_H

#include <stdint.h>

/* The next byte from the UART, waiting for it. */
uint8_t platform_uart_read(void);
/* Sends one byte on the UART. */
void platform_uart_write(uint8_t byte);
/* Reads flash into a DRAM buffer (4-byte aligned, size a multiple of 4); 0 when it worked. */
int platform_flash_read(uint32_t address, uint32_t *buffer, uint32_t size);
/* Erases one 4 KB sector; 0 when it worked. */
int platform_flash_erase_sector(uint32_t sector);
/* Writes flash from a DRAM buffer (4-byte aligned, size a multiple of 4) over erased flash; 0
   when it worked. */
int platform_flash_write(uint32_t address, const uint32_t *buffer, uint32_t size);
/* The 32-bit word at an address, as READ_REG answers it. */
uint32_t platform_read_word(uint32_t address);
/* Restarts the chip from its reset vector; does not return. */
void platform_restart(void) __attribute__((noreturn));

#endif
