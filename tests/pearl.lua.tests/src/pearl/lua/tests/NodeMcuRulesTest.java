package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pearl.lua.tests.LintTesting.findings;
import static pearl.lua.tests.LintTesting.message;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules for NodeMCU's event model: callback-captures-owner, timer-leak, blocking-call, consecutive-send. */
class NodeMcuRulesTest {

	@Test
	void theFaqsRegistryLeakIsFound() {
		String code = """
				local srv = net.createServer(30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, request)
				    conn:send("HTTP/1.0 200 OK\\r\\n\\r\\nhello")
				  end)
				  conn:on("sent", function(sck) sck:close() end)
				end)
				""";
		assertEquals(List.of("4:5"), findings("callback-captures-owner", code));
		assertTrue(message("callback-captures-owner", code).startsWith("this callback is registered on 'conn' and uses 'conn' itself"));
	}

	@Test
	void usingTheCallbacksParameterOrAnotherObjectIsFine() {
		String code = """
				local srv = net.createServer(30)
				local log = tmr.create()
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, request) sck:send("ok") log:start() end)
				end)
				""";
		assertEquals(List.of(), findings("callback-captures-owner", code));
	}

	@Test
	void aTimerCallbackUsingItsOwnTimerVariableLeaks() {
		String code = """
				local t = tmr.create()
				t:alarm(1000, tmr.ALARM_AUTO, function() if done then t:unregister() end end)
				local m = mqtt.Client("id", 120)
				m:on("message", function(client, topic, data) m:publish("ack", data, 0, 0) end)
				""";
		assertEquals(List.of("2:55", "4:47"), findings("callback-captures-owner", code));
	}

	@Test
	void anAutoTimerThatIsNeverStoppedLeaks() {
		String code = """
				local blink = tmr.create()
				blink:alarm(500, tmr.ALARM_AUTO, function() gpio.write(4, gpio.HIGH) end)
				tmr.create():alarm(1000, 1, function() print("forever") end)
				local once = tmr.create()
				once:alarm(500, tmr.ALARM_SINGLE, function() print("once") end)
				""";
		assertEquals(List.of("2:1", "3:1"), findings("timer-leak", code));
	}

	@Test
	void anAutoTimerStoppedByItsVariableOrItsCallbackArgumentIsFine() {
		String code = """
				local poll = tmr.create()
				poll:register(100, tmr.ALARM_AUTO, function() print(node.heap()) end)
				poll:start()
				wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function() poll:unregister() end)
				tmr.create():alarm(1000, tmr.ALARM_AUTO, function(t) if wifi.sta.getip() then t:unregister() end end)
				""";
		assertEquals(List.of(), findings("timer-leak", code));
	}

	@Test
	void aTimerKeptInAGlobalLeaks() {
		String code = "heartbeat = tmr.create()\nheartbeat:alarm(1000, tmr.ALARM_SINGLE, function() end)\n";
		assertEquals(List.of("1:1"), findings("timer-leak", code));
		assertTrue(message("timer-leak", code).startsWith("timer kept in the global 'heartbeat'"));
	}

	@Test
	void busyWaitingIsFound() {
		String code = """
				tmr.delay(10)
				tmr.delay(50000)
				tmr.wdclr()
				local start = tmr.now()
				while tmr.now() - start < 100000 do end
				repeat local level = gpio.read(3) until level == 0
				while queue[1] do table.remove(queue, 1) end
				""";
		assertEquals(List.of("2:1", "3:1", "5:1", "6:1"), findings("blocking-call", code));
		assertTrue(message("blocking-call", code).startsWith("tmr.delay(50000) busy-waits 50.0 ms"));
	}

	@Test
	void twoSendsInOneCallbackOrASendInALoopAreFound() {
		String code = """
				local srv = net.createServer(30)
				srv:listen(80, function(conn)
				  conn:on("receive", function(sck, request)
				    sck:send("HTTP/1.0 200 OK\\r\\n")
				    sck:send("<h1>hello</h1>")
				  end)
				  conn:on("sent", function(sck) sck:close() end)
				end)
				local function stream(sck, lines)
				  for _, line in ipairs(lines) do sck:send(line) end
				end
				return stream
				""";
		assertEquals(List.of("5:5", "10:35"), findings("consecutive-send", code));
	}

	@Test
	void sendingTheNextPieceFromTheSentCallbackIsTheRightWay() {
		String code = """
				local function serve(sck, parts)
				  local function nextPart(s)
				    local part = table.remove(parts, 1)
				    if part then s:send(part) else s:close() end
				  end
				  sck:on("sent", nextPart)
				  nextPart(sck)
				end
				local udp = net.createUDPSocket()
				udp:send(5000, "192.168.1.10", "a")
				udp:send(5000, "192.168.1.10", "b")
				return serve
				""";
		assertEquals(List.of(), findings("consecutive-send", code));
	}
}
