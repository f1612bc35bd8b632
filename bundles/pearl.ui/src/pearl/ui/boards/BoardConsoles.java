package pearl.ui.boards;

import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;

/** Consoles for what boards without a launch answer (a file run on a serial port), one per board. */
final class BoardConsoles {

    private BoardConsoles() {
    }

    /** Appends {@code text} to the console of board {@code label}, opening it if need be, and shows it. */
    static MessageConsole show(String label, String text) {
        MessageConsole console = find(label);
        console.newMessageStream().print(text);
        ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
        return console;
    }

    /** The console of board {@code label}, made when there is none. */
    static MessageConsole find(String label) {
        String name = "NodeMCU board on " + label;
        IConsoleManager consoles = ConsolePlugin.getDefault().getConsoleManager();
        for (IConsole console : consoles.getConsoles()) {
            if (console instanceof MessageConsole message && console.getName().equals(name)) {
                return message;
            }
        }
        MessageConsole console = new MessageConsole(name, null);
        consoles.addConsoles(new IConsole[] { console });
        return console;
    }
}
