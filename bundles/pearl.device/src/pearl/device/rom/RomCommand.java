package pearl.device.rom;

/** The ESP8266 serial loader's command opcodes that Pearl uses or that the simulator answers. */
public enum RomCommand {
    /** Erase a region and prepare to receive its blocks. */
    FLASH_BEGIN(0x02),
    /** One block of flash data, with a checksum. */
    FLASH_DATA(0x03),
    /** Leave flash mode: reboot (0) or run user code (1). */
    FLASH_END(0x04),
    /** Start a RAM download. */
    MEM_BEGIN(0x05),
    /** End a RAM download, optionally jumping to an entry point. */
    MEM_END(0x06),
    /** One block of RAM data. */
    MEM_DATA(0x07),
    /** Auto-baud and handshake: {@code 07 07 12 20} then 32 bytes {@code 0x55}. */
    SYNC(0x08),
    /** Write a 32-bit register. */
    WRITE_REG(0x09),
    /** Read a 32-bit register; the result comes back in the response's value field. */
    READ_REG(0x0A),
    /** Switch the UART speed; stubs only, the ESP8266 ROM does not have it. */
    CHANGE_BAUDRATE(0x0F),
    /** MD5 of a flash region; stubs only, the ESP8266 ROM does not have it. */
    SPI_FLASH_MD5(0x13);

    private final int opcode;

    RomCommand(int opcode) {
        this.opcode = opcode;
    }

    /** The byte on the wire. */
    public int opcode() {
        return opcode;
    }

    /** The command with this opcode, or {@code null} for one Pearl does not know. */
    public static RomCommand of(int opcode) {
        for (RomCommand c : values()) {
            if (c.opcode == opcode) {
                return c;
            }
        }
        return null;
    }

    /** Whether the packet carries the XOR checksum of its data (the *_DATA commands). */
    public boolean hasChecksum() {
        return this == FLASH_DATA || this == MEM_DATA;
    }
}
