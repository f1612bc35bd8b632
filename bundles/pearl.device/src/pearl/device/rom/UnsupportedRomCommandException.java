package pearl.device.rom;

/** The loader refused a command it does not implement (the ESP8266 ROM has no MD5 and no CHANGE_BAUDRATE). */
public final class UnsupportedRomCommandException extends RomException {

    private static final long serialVersionUID = 1L;

    private final RomCommand command;

    /** An exception for {@code command}. */
    public UnsupportedRomCommandException(RomCommand command) {
        super("the loader does not support " + command);
        this.command = command;
    }

    /** The command that was refused. */
    public RomCommand command() {
        return command;
    }
}
