package pearl.emulator;

import java.util.function.Consumer;

/**
 * UART0 as the firmware drives it: output turns every {@code \n} into {@code \r\n} and drops
 * {@code \r}; input goes to the Lua REPL unless a {@code uart.on("data")} handler has taken it.
 */
public final class Uart {

    private final Consumer<String> wire;
    private Consumer<String> inputHandler;
    private boolean alternatePins;

    /** A UART whose wire bytes go to {@code wire}. */
    public Uart(Consumer<String> wire) {
        this.wire = wire;
    }

    /** Writes bytes (one char each) as {@code uart0_putc} does. */
    public void write(String bytes) {
        StringBuilder out = new StringBuilder(bytes.length() + 8);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\n') {
                out.append("\r\n");
            } else if (c != '\r') {
                out.append(c);
            }
        }
        if (out.length() > 0 && !alternatePins) {
            wire.accept(out.toString());
        }
    }

    /** Sends bytes to the wire unchanged ({@code uart.write} of binary data, the boot ROM). */
    public void writeRaw(String bytes) {
        if (!bytes.isEmpty() && !alternatePins) {
            wire.accept(bytes);
        }
    }

    /** Where received bytes go (the REPL, or a {@code uart.on("data")} handler). */
    public void setInputHandler(Consumer<String> handler) {
        this.inputHandler = handler;
    }

    /** Bytes arriving from the other end of the wire. */
    public void receive(String bytes) {
        if (inputHandler != null && !alternatePins) {
            inputHandler.accept(bytes);
        }
    }

    /**
     * {@code uart.alt}: UART0 on GPIO13/15 instead of GPIO1/3, away from the USB bridge: the wire
     * neither gets its output nor brings it input. Boot puts it back.
     */
    public void setAlternatePins(boolean on) {
        alternatePins = on;
    }

    /** Whether UART0 is on its alternate pins GPIO13/15. */
    public boolean onAlternatePins() {
        return alternatePins;
    }
}
