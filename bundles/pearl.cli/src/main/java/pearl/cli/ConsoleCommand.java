package pearl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import pearl.device.repl.DeviceException;
import pearl.device.repl.LineEditor;
import pearl.device.repl.SerialLink;

/**
 * {@code pearl console}: a serial console to a board. Lines are edited locally (backspace, Up and
 * Down for history) and sent at Enter; the board's echo of a line already shown is dropped; every
 * other byte from the board is shown as it comes. Ctrl+] quits.
 */
final class ConsoleCommand implements Command {

    /** After piped input ends, how long the board's last answers are still shown. */
    private static final int DRAIN_MILLIS = 700;

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String summary() {
        return "a serial console to a board: local line editing and history, Ctrl+] quits";
    }

    @Override
    public String usage() {
        return "Usage: pearl console --port DEV [--baud N]\n\n"
                + "Connects this terminal to the board's UART. Lines are edited here (Backspace, Ctrl+U, Up and\n"
                + "Down recall earlier lines) and sent at Enter. Ctrl+] quits.\n\nOptions:\n"
                + PortOptions.USAGE;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        PortOptions port = PortOptions.parse(args);
        if (!port.rest().isEmpty()) {
            throw new UsageException("unexpected argument " + port.rest().get(0));
        }
        SerialLink link;
        try {
            link = SerialLink.open(port.port(), port.baud());
        } catch (DeviceException e) {
            return PortOptions.fail(console, name(), e);
        }
        LineEditor editor = new LineEditor();
        LineEditor.EchoFilter echo = new LineEditor.EchoFilter();
        Object quit = new Object();
        boolean[] running = { true };
        Thread fromBoard = new Thread(() -> {
            try {
                while (running[0]) {
                    byte[] bytes = link.read(50);
                    if (bytes.length > 0) {
                        console.out().print(echo.filter(new String(bytes, StandardCharsets.ISO_8859_1)));
                        console.out().flush();
                    }
                }
            } catch (DeviceException e) {
                if (running[0]) {
                    console.err().println("\npearl console: " + e.getMessage());
                    synchronized (quit) {
                        running[0] = false;
                    }
                }
            }
        }, "pearl console from board");
        fromBoard.setDaemon(true);
        fromBoard.start();
        try (TerminalMode terminal = console.in() == System.in ? TerminalMode.characterMode() : null) {
            if (terminal != null) {
                console.err().println("pearl console: connected to " + port.port() + "; Ctrl+] quits");
            }
            int b;
            while (running[0] && (b = console.in().read()) >= 0) {
                LineEditor.Effect effect = editor.key(b);
                if (effect.quit()) {
                    break;
                }
                if (!effect.show().isEmpty() && terminal != null) {
                    console.out().print(effect.show());
                    console.out().flush();
                }
                if (effect.send() != null) {
                    if (effect.send().endsWith("\r\n") && terminal != null) {
                        echo.sent(effect.send().substring(0, effect.send().length() - 2));
                    }
                    link.write(effect.send().getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (terminal == null) {
                Thread.sleep(DRAIN_MILLIS);
            }
            return 0;
        } catch (DeviceException e) {
            return PortOptions.fail(console, name(), e);
        } catch (IOException e) {
            console.err().println("pearl console: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            running[0] = false;
            try {
                fromBoard.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            link.close();
            console.out().flush();
        }
    }
}
