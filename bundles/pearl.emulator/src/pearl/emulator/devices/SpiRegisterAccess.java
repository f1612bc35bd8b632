package pearl.emulator.devices;

/**
 * The 4-wire SPI face of a register chip (as the BME280 has): in each transaction the first byte
 * is a control byte, bit 7 set for a read and bits 6..0 the register; a read then streams
 * registers from there on, a write takes data and control bytes in turn.
 */
public final class SpiRegisterAccess implements SpiDevice {

    private final RegisterI2cDevice chip;
    private final int chipSelectPin;
    private int register = -1;
    private boolean reading;
    private boolean controlNext;

    /** {@code chip}'s registers on SPI, selected by {@code chipSelectPin}. */
    public SpiRegisterAccess(RegisterI2cDevice chip, int chipSelectPin) {
        this.chip = chip;
        this.chipSelectPin = chipSelectPin;
    }

    @Override
    public int chipSelectPin() {
        return chipSelectPin;
    }

    @Override
    public void select() {
        controlNext = true;
        chip.beginRead();
    }

    @Override
    public int transfer(int mosi) {
        if (controlNext) {
            reading = (mosi & 0x80) != 0;
            // the register's bit 7 is left out of the control byte: SPI reaches 0x80..0xFF
            register = mosi | 0x80;
            controlNext = false;
            return 0xff;
        }
        if (reading) {
            int value = chip.readRegister(register) & 0xff;
            register = chip.nextPointer(register);
            return value;
        }
        chip.writeRegister(register, mosi & 0xff);
        controlNext = true;
        return 0xff;
    }
}
