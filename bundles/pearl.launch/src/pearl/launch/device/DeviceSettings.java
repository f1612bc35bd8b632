package pearl.launch.device;

import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;

import pearl.device.repl.ReplUploader;
import pearl.device.repl.SerialLink;
import pearl.launch.ConfiguredProject;
import pearl.launch.PearlLaunching;

/**
 * A device launch configuration read and checked: which board, which files and what to do once
 * they are on it.
 *
 * @param project     the project's folder on disk
 * @param port        the board's serial port
 * @param baud        the REPL's speed
 * @param upload      how files are uploaded (changed only, compiled, minified)
 * @param restart     restart the board after the upload
 * @param openConsole keep the board's console open afterwards
 */
public record DeviceSettings(Path project, String port, int baud, ReplUploader.Options upload, boolean restart, boolean openConsole) {

    /**
     * The settings of {@code configuration}.
     *
     * @throws CoreException naming what is missing or wrong, for the user
     */
    public static DeviceSettings of(ILaunchConfiguration configuration) throws CoreException {
        Path folder = ConfiguredProject.folder(configuration);
        String port = configuration.getAttribute(DeviceAttributes.PORT, "").trim();
        if (port.isEmpty()) {
            throw PearlLaunching.error("the launch configuration names no serial port", null);
        }
        int baud = configuration.getAttribute(DeviceAttributes.BAUD, SerialLink.DEFAULT_BAUD);
        if (baud <= 0) {
            throw PearlLaunching.error("the baud rate must be positive, not " + baud, null);
        }
        ReplUploader.Options upload = new ReplUploader.Options(configuration.getAttribute(DeviceAttributes.COMPILE, false),
                configuration.getAttribute(DeviceAttributes.MINIFY, false), configuration.getAttribute(DeviceAttributes.CHANGED_ONLY, true));
        return new DeviceSettings(folder, port, baud, upload, configuration.getAttribute(DeviceAttributes.RESTART, true),
                configuration.getAttribute(DeviceAttributes.OPEN_CONSOLE, true));
    }
}
