package pearl.ui.launching;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;

import pearl.device.SerialPorts;
import pearl.launch.PearlLaunching;
import pearl.launch.device.DeviceAttributes;

/**
 * Run As "NodeMCU Device": with one serial port present a new configuration uses it; otherwise
 * the configuration's dialog opens for the user to pick the port, and launches from there.
 */
public final class DeviceLaunchShortcut extends ProjectLaunchShortcut {

    public DeviceLaunchShortcut() {
        super(PearlLaunching.DEVICE_TYPE);
    }

    @Override
    void completeNew(ILaunchConfigurationWorkingCopy copy) {
        List<String> present = SerialPorts.present();
        if (present.size() == 1) {
            copy.setAttribute(DeviceAttributes.PORT, present.get(0));
        }
    }

    @Override
    boolean ready(ILaunchConfiguration configuration, String mode) throws CoreException {
        if (!configuration.getAttribute(DeviceAttributes.PORT, "").isBlank()) {
            return true;
        }
        // the dialog's Run button launches; here nothing more is to be done either way
        DebugUITools.openLaunchConfigurationDialog(shell(), configuration, IDebugUIConstants.ID_RUN_LAUNCH_GROUP, null);
        return false;
    }
}
