package pearl.lua.ide.highlighting;

/** What a name in the code is, as semantic highlighting colours it. */
public enum TokenType {
	/** A global variable of the script (not one the firmware provides). */
	GLOBAL,
	/** A local variable used in the function that declares it. */
	LOCAL,
	/** A local of an enclosing function, used inside a nested function (a closure keeps it alive). */
	UPVALUE,
	/** A function's parameter, or a method's {@code self}. */
	PARAMETER,
	/** A firmware module or library ({@code tmr}, {@code node}, {@code string}), or a table inside one ({@code wifi.sta}). */
	FIRMWARE_MODULE,
	/** A firmware function: {@code tmr.create}, {@code print}. */
	FIRMWARE_FUNCTION,
	/** A firmware constant or value: {@code tmr.ALARM_AUTO}, {@code gpio.OUTPUT}. */
	FIRMWARE_CONSTANT,
	/** A name after {@code :}: a method called or declared. */
	METHOD,
	/** A field of a table: after {@code .} when it is not the firmware's, or a key in a table constructor. */
	FIELD
}
