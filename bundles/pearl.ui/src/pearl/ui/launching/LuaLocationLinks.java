package pearl.ui.launching;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.console.FileLink;
import org.eclipse.debug.ui.console.IConsole;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.console.IPatternMatchListenerDelegate;
import org.eclipse.ui.console.PatternMatchEvent;
import org.eclipse.ui.console.TextConsole;

import pearl.launch.ConfiguredProject;
import pearl.lua.ui.LuaEditor;

/**
 * In a board's console, turns {@code init.lua:12} (Lua's error messages and tracebacks) into a
 * link that opens the launched project's file in the Lua editor at that line.
 */
public final class LuaLocationLinks implements IPatternMatchListenerDelegate {

    private TextConsole console;

    @Override
    public void connect(TextConsole textConsole) {
        this.console = textConsole;
    }

    @Override
    public void disconnect() {
        console = null;
    }

    @Override
    public void matchFound(PatternMatchEvent event) {
        TextConsole c = console;
        if (c == null) {
            return;
        }
        try {
            String text = c.getDocument().get(event.getOffset(), event.getLength());
            int colon = text.lastIndexOf(':');
            IFile file = fileOf(c, text.substring(0, colon));
            if (file != null) {
                int line = Integer.parseInt(text.substring(colon + 1));
                c.addHyperlink(new FileLink(file, LuaEditor.ID, -1, -1, line), event.getOffset(), event.getLength());
            }
        } catch (BadLocationException | NumberFormatException e) {
            // the document changed under the match, or a line number too long: no link
        }
    }

    /** The file {@code name} of the project the console's launch runs, or null when there is none. */
    private static IFile fileOf(TextConsole console, String name) {
        if (!(console instanceof IConsole processConsole)) {
            return null;
        }
        IProcess process = processConsole.getProcess();
        ILaunch launch = process == null ? null : process.getLaunch();
        if (launch == null || launch.getLaunchConfiguration() == null) {
            return null;
        }
        try {
            IProject project = ConfiguredProject.of(launch.getLaunchConfiguration());
            IFile file = project == null ? null : project.getFile(name);
            return file != null && file.exists() ? file : null;
        } catch (CoreException | IllegalArgumentException e) {
            return null;
        }
    }
}
