-- sensor station part _N: a timer reads the sensor, a server reports it
local readings_N = {}
local server_N

local function average_N(values)
  local sum = 0
  for _, v in ipairs(values) do
    sum = sum + v
  end
  return #values > 0 and sum / #values or 0
end

local function sample_N()
  local value = adc.read(0)
  readings_N[#readings_N + 1] = value
  if #readings_N > 10 then
    table.remove(readings_N, 1)
  end
  print(string.format("part _N: %d (avg %.1f) heap %d", value, average_N(readings_N), node.heap()))
end

local timer_N = tmr.create()
timer_N:alarm(2000, tmr.ALARM_AUTO, sample_N)

local function start_N(port)
  server_N = net.createServer(net.TCP, 30)
  server_N:listen(port, function(conn)
    conn:on("receive", function(sck, request)
      local body = "avg=" .. average_N(readings_N)
      sck:send("HTTP/1.0 200 OK\r\n\r\n" .. body, function(s) s:close() end)
    end)
  end)
end

local function stop_N()
  timer_N:unregister()
  if server_N then server_N:close() end
end

start_N(8000)
