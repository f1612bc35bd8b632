package pearl.emulator.modules;

import pearl.emulator.Board;
import pearl.emulator.lua.RomTable;

/**
 * One firmware module of the emulated board ({@code node}, {@code tmr}, {@code file}...): it fills
 * the module's ROM table at each boot. Constants come from the firmware data file of
 * {@code pearl.lua}, which the linter and completion read too.
 */
public interface FirmwareModule {

    /** The module's global name. */
    String name();

    /** Defines the module's functions (and any subtables) in {@code module} for {@code board}. */
    void define(RomTable module, Board board);
}
