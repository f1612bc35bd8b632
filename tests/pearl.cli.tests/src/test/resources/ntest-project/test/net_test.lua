local N = ...
N = (N or require "NTest")("net")

-- the port of the test's echo server on the host (127.0.0.1), written by the test harness
local port = dofile("echo_port.lua")

N.testco('a TCP client gets its line echoed by a host server', function(getCB, waitCB)
  local c = net.createConnection(net.TCP, 0)
  c:on("connection", getCB("connection"))
  c:on("receive", getCB("receive"))
  c:connect(port, "127.0.0.1")
  local name = waitCB()
  ok(eq(name, "connection"), "connected")
  c:send("ping\n")
  local event, sck, data = waitCB()
  ok(eq(event, "receive"))
  ok(eq(data, "echo ping\n"), "echoed")
  c:close()
end)

N.testasync('a connection to a closed port reports a disconnection', function(done)
  local c = net.createConnection(net.TCP, 0)
  c:on("disconnection", function(sck, err)
    ok(err ~= nil, "an error code")
    done()
  end)
  c:on("connection", function() ok(false, "connected to a closed port") end)
  c:connect(1, "127.0.0.1")
end)
