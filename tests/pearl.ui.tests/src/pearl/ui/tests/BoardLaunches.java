package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.resources.IProject;
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
import pearl.lua.ui.project.NodeMcuProjects;

/** NodeMCU projects launched on the emulator from the workbench, and cleaning up after them. */
final class BoardLaunches {

	private BoardLaunches() {
	}

	/** A new NodeMCU project {@code name} whose init.lua is {@code init}. */
	static IProject project(String name, String init) throws CoreException {
		IProject old = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (old.exists()) {
			old.delete(true, true, null);
		}
		IProject project = NodeMcuProjects.create(name, null, null);
		LuaFiles.file(name, "init.lua", init);
		return project;
	}

	/**
	 * Launches {@code project} with a "NodeMCU Emulator" configuration in {@code mode} for
	 * {@code runLength} ("" until terminated) of virtual time, paced to the wall clock when
	 * {@code realtime}; returns the board once it is listed.
	 */
	static RunningBoard launch(IProject project, String mode, String runLength, boolean realtime) throws CoreException {
		ILaunch launch = configuration(project, runLength, realtime).launch(mode, null);
		RunningBoard board = Workbenches.await(Display.getCurrent(),
				() -> RunningBoards.get().all().stream().filter(b -> b.launch() == launch).findFirst().orElse(null));
		if (board == null) {
			throw new AssertionError("the launch lists no board");
		}
		return board;
	}

	/** Runs {@code project} on the emulator, paced to the wall clock, until terminated. */
	static ILaunch run(IProject project) throws CoreException {
		return configuration(project, "", true).launch(ILaunchManager.RUN_MODE, null);
	}

	private static ILaunchConfiguration configuration(IProject project, String runLength, boolean realtime) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationWorkingCopy copy = manager.getLaunchConfigurationType(PearlLaunching.EMULATOR_TYPE).newInstance(null,
				manager.generateLaunchConfigurationName(project.getName()));
		copy.setAttribute(EmulatorAttributes.PROJECT, project.getName());
		copy.setAttribute(EmulatorAttributes.RUN_LENGTH, runLength);
		copy.setAttribute(EmulatorAttributes.REALTIME, realtime);
		copy.setAttribute(EmulatorAttributes.SEED, 7);
		return copy.doSave();
	}

	/** Runs a new project {@code name} whose init.lua holds {@code init} until the board prints "ready"; the board. */
	static RunningBoard runUntilReady(Display display, String name, String init) throws CoreException {
		ILaunch launch = run(project(name, init));
		awaitUart(display, launch, "ready");
		return boardOf(launch);
	}

	/** Runs the UI until {@code board}'s launch has terminated. */
	static void awaitEnd(RunningBoard board) {
		if (Workbenches.await(Display.getCurrent(), () -> board.launch().isTerminated() ? Boolean.TRUE : null) == null) {
			throw new AssertionError("the run did not end");
		}
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

	/** Ends and removes every launch, deletes breakpoints, configurations and projects. */
	static void clean() throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : manager.getLaunches()) {
			if (launch.canTerminate()) {
				launch.terminate();
			}
			manager.removeLaunch(launch);
		}
		DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(),
				true);
		for (ILaunchConfiguration c : manager.getLaunchConfigurations()) {
			c.delete();
		}
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			p.delete(true, true, null);
		}
	}
}
