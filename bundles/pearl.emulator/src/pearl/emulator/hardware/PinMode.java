package pearl.emulator.hardware;

/** A GPIO pin's mode; the ordinal is the firmware's constant ({@code gpio.INPUT} = 0 ...). */
public enum PinMode {
    INPUT, OUTPUT, INT, OPENDRAIN;

    /** The mode of firmware constant {@code n}, or null. */
    public static PinMode of(int n) {
        return n >= 0 && n < values().length ? values()[n] : null;
    }
}
