package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.ConfiguredProject;
import pearl.launch.PearlLaunching;
import pearl.lua.ui.project.SampleProjectStartup;
import pearl.ui.launching.SampleRunStartup;

/**
 * {@code ./pearl ide} on a fresh workspace runs the imported sample on an emulated board: the
 * newcomer's first screen already has a live board in the console and the NodeMCU views.
 */
class SampleRunTest {

	@AfterEach
	void clean() throws Exception {
		System.clearProperty(SampleProjectStartup.SAMPLE_PROPERTY);
		System.clearProperty(SampleRunStartup.RUN_PROPERTY);
		BoardLaunches.clean();
	}

	@Test
	void theImportedSampleRunsOnAnEmulatedBoard() throws Exception {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null); // the workspace must look fresh to the import
		}
		System.setProperty(SampleProjectStartup.SAMPLE_PROPERTY, SampleProjectTest.EXAMPLE.toString());
		System.setProperty(SampleRunStartup.RUN_PROPERTY, "true");
		// the run startup may well come first: it waits for the import
		new SampleRunStartup().earlyStartup();
		new SampleProjectStartup().earlyStartup();
		Display display = Display.getCurrent();

		ILaunch launch = Workbenches.await(display, () -> {
			for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
				if (!l.isTerminated() && l.getLaunchConfiguration() != null && l.getProcesses().length > 0) {
					return l;
				}
			}
			return null;
		});
		assertNotNull(launch, "the sample was not launched");
		assertEquals(ILaunchManager.RUN_MODE, launch.getLaunchMode());
		assertEquals(PearlLaunching.EMULATOR_TYPE, launch.getLaunchConfiguration().getType().getIdentifier());
		assertEquals("weather-station", ConfiguredProject.of(launch.getLaunchConfiguration()).getName());
		var uart = launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor();
		Workbenches.await(display, () -> uart.getContents().contains("weather station: starting") ? uart : null);
		assertTrue(uart.getContents().contains("weather station: starting"), uart.getContents());
	}

	@Test
	void withoutTheRunPropertyNothingIsLaunched() throws Exception {
		System.setProperty(SampleProjectStartup.SAMPLE_PROPERTY, SampleProjectTest.EXAMPLE.toString());
		int before = DebugPlugin.getDefault().getLaunchManager().getLaunches().length;
		new SampleRunStartup().earlyStartup();
		Workbenches.flushEvents(Display.getCurrent(), 1000);
		assertEquals(before, DebugPlugin.getDefault().getLaunchManager().getLaunches().length);
	}
}
