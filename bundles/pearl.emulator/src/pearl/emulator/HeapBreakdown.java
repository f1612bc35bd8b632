package pearl.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a board's Lua heap goes, in bytes as a 32-bit Lua 5.1 would hold them, from one walk of
 * the heap ({@link HeapTracker}).
 *
 * @param state      the state itself: lua_State and global_State, the main stack, the string
 *                   table's slots, the fixed strings (reserved words, metamethod names)
 * @param strings    strings (each distinct content once)
 * @param tables     tables with their array and hash parts
 * @param functions  closures (Lua functions, and C closures made at run time)
 * @param upvalues   upvalues (shared ones once)
 * @param prototypes function prototypes: code, constants, nested prototypes' slots, debug info
 * @param userdata   userdata
 * @param threads    coroutines with their stacks
 * @param stringCount   distinct strings
 * @param tableCount    tables
 * @param functionCount closures
 * @param userdataCount userdata
 * @param threadCount   coroutines
 */
public record HeapBreakdown(long state, long strings, long tables, long functions, long upvalues, long prototypes,
        long userdata, long threads, int stringCount, int tableCount, int functionCount, int userdataCount,
        int threadCount) {

    /** Everything: what {@code collectgarbage("count")} reports, in bytes. */
    public long total() {
        return state + strings + tables + functions + upvalues + prototypes + userdata + threads;
    }

    /** The bytes by type, in a fixed order, for views. */
    public Map<String, Long> byType() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("strings", strings);
        m.put("tables", tables);
        m.put("functions", functions);
        m.put("upvalues", upvalues);
        m.put("prototypes", prototypes);
        m.put("userdata", userdata);
        m.put("threads", threads);
        return m;
    }
}
