package pearl.launch.emulator;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import pearl.debug.DebugServers;
import pearl.debug.PearlDebugServer;
import pearl.emulator.Board;
import pearl.emulator.BoardRunner;
import pearl.launch.PearlLaunching;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;
import pearl.launch.model.DapDebugTarget;
import pearl.launch.process.EmulatorProcess;

/**
 * Launches a "NodeMCU Emulator" configuration. Run mode boots the board here and gives the launch
 * its process (the UART in the console); debug mode starts Pearl's debug adapter in this process
 * and connects an Eclipse debug target to it, as it would to any DAP server.
 */
public final class EmulatorLaunchDelegate implements ILaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        EmulatorSettings settings = EmulatorSettings.of(configuration);
        String label = configuration.getName() + " [NodeMCU Emulator]";
        if (ILaunchManager.DEBUG_MODE.equals(mode)) {
            debug(settings, launch, label);
        } else {
            run(settings, launch, label);
        }
    }

    private static void run(EmulatorSettings settings, ILaunch launch, String label) throws CoreException {
        List<String> warnings = new ArrayList<>();
        Board board;
        try {
            board = settings.board().build(warnings::add);
        } catch (IOException e) {
            throw failed(e.getMessage(), e);
        }
        BoardRunner runner = new BoardRunner(board);
        EmulatorProcess process = new EmulatorProcess(launch, label, runner, settings.forMicros(), settings.realtime());
        RunningBoards.get().add(new RunningBoard(launch, label, runner));
        warnings.forEach(w -> process.streams().messages().append("warning: " + w + "\n"));
        process.start();
    }

    private static void debug(EmulatorSettings settings, ILaunch launch, String label) throws CoreException {
        Socket connection;
        try {
            PearlDebugServer server = new PearlDebugServer();
            server.onBoardStarted(runner -> RunningBoards.get().add(new RunningBoard(launch, label, runner)));
            connection = DebugServers.connectInProcess(server);
            DapDebugTarget target = new DapDebugTarget(launch, label, connection.getInputStream(), connection.getOutputStream(),
                    connection);
            target.start(settings.dapArguments());
        } catch (IOException e) {
            throw failed("cannot reach the debug adapter: " + e.getMessage(), e);
        }
    }

    private static CoreException failed(String message, Throwable cause) {
        return PearlLaunching.error(message, cause);
    }
}
