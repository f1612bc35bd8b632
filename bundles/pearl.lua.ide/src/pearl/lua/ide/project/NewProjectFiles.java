package pearl.lua.ide.project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a new NodeMCU project starts with, the same wherever a project is made (the IDE's
 * wizard, the sample project of a fresh workspace):
 * <ul>
 * <li>{@value #INIT}, which waits a few seconds before it starts the app, as the NodeMCU FAQ
 * advises: if the app fails at every boot, those seconds are the window to type
 * {@code file.remove("init.lua")} at the serial prompt instead of reflashing the board;</li>
 * <li>{@value #APP}, a small app (a blinking LED and the free heap) without leaked globals or
 * leaking timers;</li>
 * <li>{@value #LUACHECK_CONFIG}, where the project declares the globals it shares on purpose.</li>
 * </ul>
 * Every file lints clean with Pearl's linter.
 */
public final class NewProjectFiles {

	/** The file the board runs at boot. */
	public static final String INIT = "init.lua";

	/** The file {@value #INIT} starts. */
	public static final String APP = "app.lua";

	/** The lint configuration. */
	public static final String LUACHECK_CONFIG = ".luacheckrc";

	/** How long {@value #INIT} waits before it starts the app, in milliseconds. */
	public static final int START_DELAY_MS = 3000;

	private static final String INIT_TEXT = """
			-- init.lua runs at every boot. It waits %d s before it starts app.lua, as the NodeMCU FAQ
			-- advises: if the app fails at every boot, those seconds are the window to stop it from the
			-- serial prompt with file.remove("init.lua"), instead of reflashing the firmware.
			print('init.lua: starting app.lua in %d s; to stop it, type file.remove("init.lua")')
			tmr.create():alarm(%d, tmr.ALARM_SINGLE, function()
			  if file.exists("app.lua") then
			    dofile("app.lua")
			  else
			    print("init.lua: app.lua is missing; staying at the prompt")
			  end
			end)
			""".formatted(START_DELAY_MS / 1000, START_DELAY_MS / 1000, START_DELAY_MS);

	private static final String APP_TEXT = """
			-- The app: blinks the LED on pin 4 (GPIO2, the LED of most ESP-12 modules) twice a second
			-- and prints the free heap every 10 s, so a leak shows early. The FLASH button (pin 3)
			-- stops it.
			local LED, BUTTON = 4, 3
			local lit = false
			local ticks = 0

			gpio.mode(LED, gpio.OUTPUT)
			local blink = tmr.create()
			blink:alarm(250, tmr.ALARM_AUTO, function()
			  lit = not lit
			  gpio.write(LED, lit and gpio.LOW or gpio.HIGH)
			  ticks = ticks + 1
			  if ticks % 40 == 0 then
			    print("heap", node.heap())
			  end
			end)

			gpio.mode(BUTTON, gpio.INT, gpio.PULLUP)
			gpio.trig(BUTTON, "down", function()
			  blink:unregister()
			  gpio.write(LED, gpio.HIGH)
			  print("app.lua: stopped")
			end)
			""";

	private static final String LUACHECK_TEXT = """
			-- Lint settings, read by Pearl (and by luacheck). Pearl knows NodeMCU's firmware modules
			-- (gpio, tmr, node, ...) by itself. Declare here the globals the files share on purpose,
			-- e.g. globals = {"config"}; any other global a file sets is flagged as a leak.
			std = "lua51"
			globals = {}
			""";

	private NewProjectFiles() {
	}

	/** The files, by name relative to the project's folder, in the order to create them ({@value #INIT} first). */
	public static Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(INIT, INIT_TEXT);
		files.put(APP, APP_TEXT);
		files.put(LUACHECK_CONFIG, LUACHECK_TEXT);
		return files;
	}
}
