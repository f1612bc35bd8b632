package pearl.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import pearl.emulator.hardware.HardwareSetup;
import pearl.emulator.lua.LuaChunks;
import pearl.emulator.modules.FirmwareModule;
import pearl.emulator.modules.StandardModules;
import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;

/**
 * An emulated board for a project folder, as {@code pearl run}, the debugger and the IDE's launch
 * build it: the project's files in SPIFFS, its {@code lfs/} folder in the Lua Flash Store, the
 * modules and wiring of the board profile, the limits asked for.
 *
 * @param project  the folder with {@code init.lua}
 * @param profile  the board profile ({@code .nodemcu-board.json}), or null for the default build
 * @param seed     fixes every random source
 * @param heap     free heap at boot, or 0 or less for the profile's
 * @param watchdog false lifts the 500 ms task limit
 * @param safeBoot skip {@code init.lua}
 */
public record ProjectBoard(Path project, Path profile, long seed, long heap, boolean watchdog, boolean safeBoot) {

    /** The default board for {@code project}: default profile, seed 1, watchdog on. */
    public static ProjectBoard of(Path project) {
        return new ProjectBoard(project, null, 1, 0, true, false);
    }

    /**
     * Builds the board (not yet powered on).
     *
     * @param warnings told of files the board will fail to load
     * @throws IOException with a message for the user: no such folder, unreadable profile, a file
     *                     that does not fit
     */
    public Board build(Consumer<String> warnings) throws IOException {
        LuaChunks.warmUp();
        if (!Files.isDirectory(project)) {
            throw new IOException("no such project folder: " + project);
        }
        FirmwareModel firmware = FirmwareModel.load();
        if (profile != null) {
            try {
                firmware = firmware.forProfile(BoardProfile.read(profile));
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot read the board profile " + profile + ": " + e.getMessage());
            }
        }
        Spiffs spiffs = new Spiffs(BoardOptions.DEFAULT_SPIFFS);
        ProjectFiles.load(project, spiffs);
        for (String file : ProjectFiles.notLuaText(project)) {
            warnings.accept(file + " is not Lua text (it holds binary data); the board will fail to load it");
        }
        List<FirmwareModule> modules = new ArrayList<>();
        for (FirmwareModule module : StandardModules.all(firmware.profile().wifi())) {
            if (firmware.isInBuild(module.name())) {
                modules.add(module);
            }
        }
        long heapBytes = heap > 0 ? heap : firmware.profile().heap();
        Board board = new Board(new BoardOptions(seed, heapBytes, watchdog, safeBoot, true), spiffs, modules, firmware);
        board.setFlashStore(LuaFlashStore.build(project.resolve("lfs")));
        if (profile != null) {
            try {
                HardwareSetup.applyProfile(Files.readString(profile), board.hardware());
            } catch (IllegalArgumentException e) {
                throw new IOException("cannot read the board profile " + profile + ": " + e.getMessage());
            }
        }
        return board;
    }
}
