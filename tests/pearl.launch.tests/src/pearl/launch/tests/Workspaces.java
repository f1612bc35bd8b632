package pearl.launch.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

import pearl.launch.PearlLaunching;
import pearl.launch.emulator.EmulatorAttributes;

/** Real projects in the test workspace, launch configurations for them, and cleaning up after. */
final class Workspaces {

    /**
     * A timer project: the callback armed on line 9 runs every second; line 10 calls {@code bump},
     * line 11 prints the tick and reads the upvalue {@code count}.
     */
    static final String TICKER = """
            local count = 0
            local t = tmr.create()

            local function bump(n)
              count = count + n
              return count
            end

            t:alarm(1000, tmr.ALARM_AUTO, function()
              local v = bump(2)
              print("tick", v, count)
            end)
            print("booted")
            """;

    private Workspaces() {
    }

    /** A new open project {@code name} with {@code init.lua} holding {@code init}; returns that file. */
    static IFile project(String name, String init) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        IFile file = project.getFile("init.lua");
        file.create(new ByteArrayInputStream(init.getBytes(StandardCharsets.ISO_8859_1)), IResource.FORCE, null);
        return file;
    }

    /** An emulator configuration for {@code project} running {@code runLength} (empty: until terminated). */
    static ILaunchConfiguration emulator(IProject project, String runLength, boolean realtime) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(PearlLaunching.EMULATOR_TYPE);
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(project.getName()));
        copy.setAttribute(EmulatorAttributes.PROJECT, project.getName());
        copy.setAttribute(EmulatorAttributes.RUN_LENGTH, runLength);
        copy.setAttribute(EmulatorAttributes.REALTIME, realtime);
        copy.setAttribute(EmulatorAttributes.SEED, 7);
        return copy.doSave();
    }

    /** Ends every launch, removes breakpoints, configurations and projects. */
    static void clean() throws CoreException {
        DebugPlugin debug = DebugPlugin.getDefault();
        for (ILaunch launch : debug.getLaunchManager().getLaunches()) {
            if (launch.canTerminate()) {
                launch.terminate();
            }
            debug.getLaunchManager().removeLaunch(launch);
        }
        debug.getBreakpointManager().removeBreakpoints(debug.getBreakpointManager().getBreakpoints(), true);
        for (ILaunchConfiguration c : debug.getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            p.delete(true, true, null);
        }
    }
}
