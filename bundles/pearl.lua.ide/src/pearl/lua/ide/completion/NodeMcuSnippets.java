package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectEvent;
import pearl.lua.firmware.ObjectType;

/**
 * Snippets for the NodeMCU idioms that are easy to get wrong: timers made with
 * {@code tmr.create()}, a TCP server whose callbacks use their own socket parameter (a captured
 * socket is never freed, as the FAQ explains), and an {@code init.lua} that waits before starting
 * the app so that a crashing app cannot trap the board in a reboot loop. A snippet is offered
 * only when every firmware function, constant and event it uses is in the board's build; the
 * callbacks' parameter names come from the data file.
 */
final class NodeMcuSnippets {

	/**
	 * One snippet.
	 *
	 * @param label         what the user types to get it
	 * @param detail        a short description
	 * @param documentation why to use it
	 * @param body          LSP snippet text, lines separated by {@code \n}, nesting by tabs
	 * @param topLevelOnly  whether it belongs only in the main chunk, not inside a function
	 */
	record Snippet(String label, String detail, String documentation, String body, boolean topLevelOnly) {
	}

	private NodeMcuSnippets() {
	}

	/** The snippets that the firmware of {@code firmware}'s board profile can run. */
	static List<Snippet> available(FirmwareModel firmware) {
		List<Snippet> snippets = new ArrayList<>();
		boolean timers = isFunction(firmware, "tmr.create") && method(firmware, "tmr.timer", "alarm");
		if (timers && isConstant(firmware, "tmr.ALARM_SINGLE")) {
			snippets.add(new Snippet("tmr-single", "one-shot timer (tmr.ALARM_SINGLE)", "Runs the function once after a delay, without blocking.",
					"tmr.create():alarm(${1:1000}, tmr.ALARM_SINGLE, function()\n\t$0\nend)", false));
			if (firmware.globalFunctions().containsKey("dofile")) {
				snippets.add(new Snippet("init-safe", "init.lua that waits before starting the app",
						"Starts the app a few seconds after boot, so that if it crashes the board there is time to type "
								+ "`file.remove(\"init.lua\")` instead of reflashing (NodeMCU FAQ).",
						"-- wait before starting the app: time to type file.remove(\"init.lua\") if it crashes the board\n"
								+ "tmr.create():alarm(${1:3000}, tmr.ALARM_SINGLE, function()\n\tdofile(\"${2:app.lua}\")\nend)\n$0",
						true));
			}
		}
		if (timers && isConstant(firmware, "tmr.ALARM_AUTO")) {
			snippets.add(new Snippet("tmr-auto", "repeating timer (tmr.ALARM_AUTO)", "Runs the function every interval until the timer is stopped.",
					"local ${1:ticker} = tmr.create()\n${1:ticker}:alarm(${2:1000}, tmr.ALARM_AUTO, function()\n\t$0\nend)", false));
		}
		tcpServer(firmware).ifPresent(snippets::add);
		return snippets;
	}

	private static Optional<Snippet> tcpServer(FirmwareModel firmware) {
		Optional<ObjectType> socket = firmware.objectType("net.tcpsocket");
		if (!isFunction(firmware, "net.createServer") || !method(firmware, "net.tcpserver", "listen") || socket.isEmpty()) {
			return Optional.empty();
		}
		Optional<ObjectEvent> receive = socket.get().event("receive");
		Optional<ObjectEvent> sent = socket.get().event("sent");
		if (receive.isEmpty() || sent.isEmpty() || receive.get().params().size() < 2 || sent.get().params().isEmpty()
				|| !method(firmware, "net.tcpsocket", "send") || !method(firmware, "net.tcpsocket", "close")) {
			return Optional.empty();
		}
		String sock = receive.get().params().get(0);
		String data = receive.get().params().get(1);
		String sentSock = sent.get().params().get(0);
		String body = "local ${1:server} = net.createServer(${2:30})\n" //
				+ "${1:server}:listen(${3:80}, function(conn)\n" //
				+ "\tconn:on(\"receive\", function(" + sock + ", " + data + ")\n" //
				+ "\t\t" + sock + ":send(${4:\"hello\"})$0\n" //
				+ "\tend)\n" //
				+ "\tconn:on(\"sent\", function(" + sentSock + ")\n" //
				+ "\t\t" + sentSock + ":close()\n" //
				+ "\tend)\n" //
				+ "end)";
		return Optional.of(new Snippet("net-server", "TCP server, callbacks use their own socket",
				"Each callback uses the socket it is given: a socket captured from an outer function is never garbage collected (NodeMCU FAQ).",
				body, false));
	}

	private static boolean isFunction(FirmwareModel firmware, String path) {
		return firmware.lookup(path) instanceof LookupResult.Function;
	}

	private static boolean isConstant(FirmwareModel firmware, String path) {
		return firmware.lookup(path) instanceof LookupResult.Constant;
	}

	private static boolean method(FirmwareModel firmware, String type, String name) {
		return firmware.objectType(type).flatMap(t -> t.method(name)).isPresent();
	}
}
