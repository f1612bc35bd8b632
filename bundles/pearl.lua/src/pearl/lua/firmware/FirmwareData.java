package pearl.lua.firmware;

import java.util.Map;

/**
 * Everything the data file says, as read, before any board profile narrows it. Shared by all
 * {@link FirmwareModel} views of one file.
 */
record FirmwareData(String description, Map<String, FirmwareFunction> globalFunctions, Map<String, FirmwareField> globalValues,
		Map<String, FirmwareField> hooks, Map<String, FirmwareTable> libraries, Map<String, FirmwareTable> modules, Map<String, ObjectType> objects,
		Map<String, AbsentApi> absent, IntegerBuild integerBuild) {
}
