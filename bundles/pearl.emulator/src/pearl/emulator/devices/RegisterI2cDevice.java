package pearl.emulator.devices;

/**
 * An I²C chip with a register file, the common scheme of sensors and RTCs: the first byte of a
 * write transfer sets the register pointer, further bytes write registers, reads return
 * registers; both advance the pointer.
 */
public abstract class RegisterI2cDevice implements I2cDevice {

    private final int address;
    private int pointer;
    private boolean pointerNext;

    /** A device at 7-bit {@code address}. */
    protected RegisterI2cDevice(int address) {
        this.address = address;
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public void addressed(boolean read) {
        pointerNext = !read;
        if (read) {
            beginRead();
        }
    }

    @Override
    public boolean write(int value) {
        if (pointerNext) {
            pointer = value & 0xff;
            pointerNext = false;
        } else {
            writeRegister(pointer, value & 0xff);
            pointer = nextPointer(pointer);
        }
        return true;
    }

    @Override
    public int read() {
        int value = readRegister(pointer) & 0xff;
        pointer = nextPointer(pointer);
        return value;
    }

    @Override
    public void stop() {
        pointerNext = false;
    }

    /** A read transfer begins: the chip latches what it will send (a coherent set of data). */
    protected void beginRead() {
    }

    /** The register after {@code register} for auto-increment. */
    protected int nextPointer(int register) {
        return (register + 1) & 0xff;
    }

    /** The value of {@code register}. */
    protected abstract int readRegister(int register);

    /** The master wrote {@code value} to {@code register}. */
    protected abstract void writeRegister(int register, int value);
}
