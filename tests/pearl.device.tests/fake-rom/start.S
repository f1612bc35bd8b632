/* Entry of the stand-in ROM: a stack where the real ROM keeps its own, then rom_main. And one
   jump at each real ROM routine's address that the flasher stub calls, into the stand-in. */
    .section .text.start, "ax"
    .literal_position
    .literal .Lstack, 0x3FFFFFF0
    .global _start
_start:
    l32r    a1, .Lstack
    call0   rom_main
1:  j       1b

    .section .rom.reset, "ax"
    j       fake_reset
    .section .rom.uart_tx_one_char, "ax"
    j       fake_uart_tx_one_char
    .section .rom.uart_rx_one_char, "ax"
    j       fake_uart_rx_one_char
    .section .rom.SPIEraseSector, "ax"
    j       fake_SPIEraseSector
    .section .rom.SPIWrite, "ax"
    j       fake_SPIWrite
    .section .rom.SPIRead, "ax"
    j       fake_SPIRead
