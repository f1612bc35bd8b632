package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.swt.widgets.Display;

import pearl.launch.PearlLaunching;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;
import pearl.launch.emulator.EmulatorAttributes;

/** Projects run on emulated boards from the workbench, as Run As does, and cleaning up after them. */
final class BoardLaunches {

    private BoardLaunches() {
    }

    /** A new open project {@code name} whose init.lua holds {@code init}. */
    static IProject project(String name, String init) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        project.getFile("init.lua").create(new ByteArrayInputStream(init.getBytes(StandardCharsets.ISO_8859_1)), IResource.FORCE, null);
        return project;
    }

    /** Runs {@code project} on the emulator, paced to the wall clock, until terminated. */
    static ILaunch run(IProject project) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy copy = manager.getLaunchConfigurationType(PearlLaunching.EMULATOR_TYPE).newInstance(null,
                manager.generateLaunchConfigurationName(project.getName()));
        copy.setAttribute(EmulatorAttributes.PROJECT, project.getName());
        copy.setAttribute(EmulatorAttributes.RUN_LENGTH, "");
        copy.setAttribute(EmulatorAttributes.REALTIME, true);
        return copy.doSave().launch(ILaunchManager.RUN_MODE, null);
    }

    /** Runs a new project {@code name} whose init.lua holds {@code init} until the board prints "ready"; the board. */
    static RunningBoard runUntilReady(Display display, String name, String init) throws CoreException {
        ILaunch launch = run(project(name, init));
        awaitUart(display, launch, "ready");
        return boardOf(launch);
    }

    /** The board {@code launch} runs. */
    static RunningBoard boardOf(ILaunch launch) {
        RunningBoard board = RunningBoards.get().all().stream().filter(b -> b.launch() == launch).findFirst().orElse(null);
        assertNotNull(board, "the launch's board is not listed");
        return board;
    }

    /** The board's UART so far. */
    static IStreamMonitor uart(ILaunch launch) {
        return launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor();
    }

    /** Waits, keeping the UI alive, until the board has printed {@code text}; the UART so far. */
    static String awaitUart(Display display, ILaunch launch, String text) {
        Workbenches.await(display, () -> uart(launch).getContents().contains(text) ? text : null);
        return uart(launch).getContents();
    }

    /** Ends and removes every launch, deletes configurations and projects. */
    static void clean() throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            if (launch.canTerminate()) {
                launch.terminate();
            }
            manager.removeLaunch(launch);
        }
        for (ILaunchConfiguration c : manager.getLaunchConfigurations()) {
            c.delete();
        }
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            p.delete(true, true, null);
        }
    }
}
