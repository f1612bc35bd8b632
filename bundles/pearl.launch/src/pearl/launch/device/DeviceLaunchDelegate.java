package pearl.launch.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import pearl.device.repl.BoardFiles;
import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.ReplUploader;
import pearl.device.repl.UploadHashes;
import pearl.emulator.ProjectFiles;
import pearl.launch.PearlLaunching;

/**
 * Launches a "NodeMCU Device" configuration: connects to the board's Lua prompt, uploads the
 * project's files as {@code pearl upload} does (each verified before it replaces the old one),
 * restarts the board if asked, and then keeps the console open or ends. The console shows each
 * step; a failure ends the process and is reported with the board's or the port's words.
 */
public final class DeviceLaunchDelegate implements ILaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        DeviceSettings settings = DeviceSettings.of(configuration);
        List<Upload> uploads = readFiles(settings.project());
        DeviceProcess process = new DeviceProcess(launch, configuration.getName() + " [NodeMCU Device " + settings.port() + "]");
        process.start();
        SubMonitor progress = SubMonitor.convert(monitor, "Uploading to " + settings.port(), totalBytes(uploads) + 2);
        try {
            say(process, "connecting to " + settings.port() + " at " + settings.baud() + " baud");
            ReplClient client = ReplClient.open(settings.port(), settings.baud());
            process.connected(client);
            // what the board's program prints meanwhile belongs in the console
            client.session().onStrayOutput(process.streams().uart()::append);
            progress.worked(1);
            upload(client, settings, uploads, process, progress);
            if (settings.restart()) {
                say(process, "restarting the board");
                new BoardFiles(client).restart(process.streams().uart()::append);
            }
            progress.worked(1);
            if (settings.openConsole()) {
                say(process, "console open: type Lua for the board's prompt");
                process.openConsole();
            } else {
                process.finish(0);
            }
        } catch (DeviceException | IllegalArgumentException e) {
            if (process.isTerminated()) {
                // the user ended the launch during the upload: the closed port is no failure
                say(process, "stopped");
                return;
            }
            say(process, "failed: " + e.getMessage());
            process.finish(1);
            throw PearlLaunching.error("NodeMCU Device on " + settings.port() + ": " + e.getMessage(), e);
        } finally {
            progress.done();
        }
    }

    private static void upload(ReplClient client, DeviceSettings settings, List<Upload> uploads, DeviceProcess process,
            SubMonitor progress) throws DeviceException {
        ReplUploader uploader = new ReplUploader(client);
        uploader.rememberIn(UploadHashes.inUserHome());
        for (Upload file : uploads) {
            if (progress.isCanceled()) {
                say(process, "upload cancelled");
                return;
            }
            long[] reported = { 0 };
            ReplUploader.Outcome outcome = uploader.upload(file.name(), file.content(), settings.upload(), (name, done, total) -> {
                progress.subTask(name + ": " + done + " of " + total + " bytes");
                progress.worked((int) (done - reported[0]));
                reported[0] = done;
            });
            progress.worked((int) (file.content().length - reported[0]));
            say(process, outcome.describe(file.name(), file.content().length));
        }
    }

    /** A file to upload: its name on the board and its bytes. */
    private record Upload(String name, byte[] content) {
    }

    /**
     * The project's files as the emulator boots them, init.lua last: an upload cut midway leaves
     * the old init.lua booting (new) modules, never a new init.lua without the modules it needs.
     */
    private static List<Upload> readFiles(Path project) throws CoreException {
        List<Upload> uploads = new ArrayList<>();
        Upload init = null;
        try {
            for (Path file : ProjectFiles.of(project)) {
                String name = project.relativize(file).toString().replace('\\', '/');
                Upload upload = new Upload(name, Files.readAllBytes(file));
                if (name.equals("init.lua")) {
                    init = upload;
                } else {
                    uploads.add(upload);
                }
            }
        } catch (IOException e) {
            throw PearlLaunching.error("cannot read the project's files: " + e.getMessage(), e);
        }
        if (init != null) {
            uploads.add(init);
        }
        return uploads;
    }

    private static int totalBytes(List<Upload> uploads) {
        return uploads.stream().mapToInt(u -> u.content().length).sum();
    }

    private static void say(DeviceProcess process, String message) {
        process.streams().messages().append(message + "\n");
    }
}
