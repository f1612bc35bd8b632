package pearl.ui.launching;

import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.PlatformUI;

import pearl.lua.ui.project.SampleProjectStartup;

/**
 * The rest of a newcomer's first look: when {@code ./pearl ide} starts a fresh workspace with the
 * sample project, it also asks (system property {@value #RUN_PROPERTY}) for the sample to run on
 * an emulated board, so the console, the Scheduler, Heap and SPIFFS views show a live board from
 * the first moment. It waits for the import (another startup makes the project), then runs the
 * project as Run As would, in real time until stopped.
 */
public final class SampleRunStartup implements IStartup {

    /** The system property that asks for the sample to run: {@code true}. */
    public static final String RUN_PROPERTY = "pearl.sample.run";

    private static final long IMPORT_WAIT_MILLIS = 120_000;

    @Override
    public void earlyStartup() {
        String sample = System.getProperty(SampleProjectStartup.SAMPLE_PROPERTY);
        if (!Boolean.getBoolean(RUN_PROPERTY) || sample == null) {
            return;
        }
        runWhenImported(Path.of(sample).getFileName().toString());
    }

    /** Runs the project {@code name} on the emulator once it exists with its {@code init.lua}. */
    public static void runWhenImported(String name) {
        Job wait = new Job("Starting the sample project on an emulated board") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
                long until = System.currentTimeMillis() + IMPORT_WAIT_MILLIS;
                while (!(project.isOpen() && project.getFile("init.lua").exists())) {
                    if (monitor.isCanceled() || System.currentTimeMillis() > until) {
                        return Status.CANCEL_STATUS;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Status.CANCEL_STATUS;
                    }
                }
                PlatformUI.getWorkbench().getDisplay()
                        .asyncExec(() -> new EmulatorLaunchShortcut().launch(project, ILaunchManager.RUN_MODE));
                return Status.OK_STATUS;
            }
        };
        wait.setSystem(true);
        wait.schedule();
    }
}
