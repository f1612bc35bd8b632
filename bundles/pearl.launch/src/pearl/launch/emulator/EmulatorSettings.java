package pearl.launch.emulator;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;

import pearl.emulator.Durations;
import pearl.emulator.ProjectBoard;
import pearl.launch.ConfiguredProject;
import pearl.launch.PearlLaunching;

/**
 * An emulator launch configuration read and checked: the board to build and how long and how
 * fast to run it, for the run mode directly and for the debug adapter as launch arguments.
 *
 * @param project   the project's folder on disk
 * @param profile   the board profile file, or null for the default build
 * @param realtime  pace virtual time to the wall clock
 * @param runLength virtual time to run as the user wrote it, or null for "until terminated"
 * @param seed      fixes every random source
 * @param safeBoot  boot without running init.lua
 */
public record EmulatorSettings(Path project, Path profile, boolean realtime, String runLength, long seed, boolean safeBoot) {

    /**
     * The settings of {@code configuration}.
     *
     * @throws CoreException naming what is missing or wrong, for the user
     */
    public static EmulatorSettings of(ILaunchConfiguration configuration) throws CoreException {
        Path folder = ConfiguredProject.folder(configuration);
        String profileText = configuration.getAttribute(EmulatorAttributes.PROFILE, "").trim();
        Path profile = profileText.isEmpty() ? null : folder.resolve(profileText);
        String runLength = configuration.getAttribute(EmulatorAttributes.RUN_LENGTH, "").trim();
        if (!runLength.isEmpty()) {
            try {
                Durations.micros("run length", runLength);
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }
        boolean realtime = configuration.getAttribute(EmulatorAttributes.REALTIME, runLength.isEmpty());
        long seed = configuration.getAttribute(EmulatorAttributes.SEED, 1);
        boolean safeBoot = configuration.getAttribute(EmulatorAttributes.SAFE_BOOT, false);
        return new EmulatorSettings(folder, profile, realtime, runLength.isEmpty() ? null : runLength, seed, safeBoot);
    }

    /** The board to build, watchdog on, heap as the profile has it. */
    public ProjectBoard board() {
        return new ProjectBoard(project, profile, seed, 0, true, safeBoot);
    }

    /** Virtual time to run, or {@link Long#MAX_VALUE} for "until terminated". */
    public long forMicros() {
        return runLength == null ? Long.MAX_VALUE : Durations.micros("run length", runLength);
    }

    /** The launch request's arguments for Pearl's debug adapter. */
    public Map<String, Object> dapArguments() {
        Map<String, Object> args = new HashMap<>();
        args.put("project", project.toString());
        if (runLength != null) {
            args.put("for", runLength);
        }
        args.put("seed", seed);
        args.put("safeBoot", safeBoot);
        args.put("realtime", realtime);
        if (profile != null) {
            args.put("profile", profile.toString());
        }
        return args;
    }

    private static CoreException problem(String message) {
        return PearlLaunching.error(message, null);
    }
}
