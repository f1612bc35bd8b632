package pearl.ui.launching;

import pearl.launch.PearlLaunching;

/** Run As / Debug As "NodeMCU Emulator". */
public final class EmulatorLaunchShortcut extends ProjectLaunchShortcut {

    public EmulatorLaunchShortcut() {
        super(PearlLaunching.EMULATOR_TYPE);
    }
}
