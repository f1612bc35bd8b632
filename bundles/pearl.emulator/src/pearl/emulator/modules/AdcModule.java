package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.hardware.AnalogInput;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;

/**
 * {@code adc}: samples of the board's {@link AnalogInput} on TOUT, or the supply voltage,
 * depending on the mode the init data held at boot ({@code adc.force_init_mode} changes it for
 * the next boot); the other reading gives 65535.
 */
public final class AdcModule implements FirmwareModule {

    private static final int INIT_ADC = 0x00, INIT_VDD33 = 0xff;
    private static final int UNAVAILABLE = 65535;

    @Override
    public String name() {
        return "adc";
    }

    @Override
    public void define(RomTable adc, Board board) {
        AnalogInput input = board.hardware().analog();
        int bootMode = input.initMode();
        LibraryFunction.define(adc, "read", args -> {
            int channel = checkInt(args, 1);
            if (channel != 0) {
                throw new LuaError("adc " + channel + " does not exist");
            }
            return LuaValue.valueOf(bootMode == INIT_ADC ? input.sampleAt(board.hardware().micros()) : UNAVAILABLE);
        });
        LibraryFunction.define(adc, "readvdd33", args -> LuaValue
                .valueOf(bootMode == INIT_VDD33 ? input.vddMillivolts() : UNAVAILABLE));
        LibraryFunction.define(adc, "force_init_mode", args -> {
            int mode = checkInt(args, 1);
            if (mode != INIT_ADC && mode != INIT_VDD33) {
                throw argError(1, "Invalid mode");
            }
            boolean changed = input.initMode() != mode;
            input.setInitMode(mode);
            return LuaValue.valueOf(changed);
        });
    }
}
