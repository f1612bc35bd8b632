package pearl.lua.ide.tests;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;

/**
 * A small NodeMCU project for hover and navigation tests: init.lua waits, sets a global and
 * requires the app; app.lua reads the global, counts with an upvalue in a timer callback, leaks a
 * global and serves TCP with a callback parameter.
 */
final class HoverNavProject {

	static final String INIT = """
			-- give the user 3 s to stop a crash loop before the app starts
			config = { ssid = "home", interval = 5000 }
			local startup = tmr.create()
			startup:alarm(3000, tmr.ALARM_SINGLE, function(t)
			  local app = require("app")
			  app.start()
			end)
			""";

	static final String APP = """
			local M = {}
			local count = 0

			local function report(sck)
			  sck:send("count " .. count)
			end

			function M.start()
			  wifi.setmode(wifi.STATION)
			  local poll = tmr.create()
			  poll:alarm(config.interval, tmr.ALARM_AUTO, function()
			    count = count + 1
			    lastHeap = node.heap()
			  end)
			  local srv = net.createServer(net.TCP, 30)
			  srv:listen(80, function(sck)
			    sck:on("receive", function(conn, data)
			      report(conn)
			    end)
			  end)
			end

			return M
			""";

	final LuaProject project = Documents.project("init.lua", INIT, "app.lua", APP);
	final LuaDocument init = project.document("/project/init.lua").orElseThrow();
	final LuaDocument app = project.document("/project/app.lua").orElseThrow();

	/** The offset of the {@code n}th (from 1) occurrence of {@code word} in the document's text. */
	static int at(LuaDocument document, String word, int n) {
		int offset = -1;
		for (int i = 0; i < n; i++) {
			offset = document.text().indexOf(word, offset + 1);
			if (offset < 0) {
				throw new IllegalArgumentException(word + " occurs fewer than " + n + " times");
			}
		}
		return offset;
	}

	/** The offset of the first occurrence of {@code word}. */
	static int at(LuaDocument document, String word) {
		return at(document, word, 1);
	}
}
