-- Samples a (simulated) temperature every 10 s, keeps a small ring of readings, appends a summary
-- to log.csv every 10 minutes, and reports free heap so a leak would show.
local RING = 60
local readings, next = {}, 1
local samples = 0

local function sample()
  -- stands in for a sensor driver: 18-24 degrees with a little noise
  return 18 + node.random(0, 600) / 100
end

local function summary()
  local sum, low, high = 0, math.huge, -math.huge
  for i = 1, #readings do
    local t = readings[i]
    sum = sum + t
    low, high = math.min(low, t), math.max(high, t)
  end
  return sum / #readings, low, high
end

tmr.create():alarm(10000, tmr.ALARM_AUTO, function()
  readings[next] = sample()
  next = next % RING + 1
  samples = samples + 1
  if samples % 60 == 0 then
    local mean, low, high = summary()
    local line = string.format("%d,%.2f,%.2f,%.2f", tmr.time(), mean, low, high)
    local log = file.open("log.csv", "a+")
    if log then
      log:writeline(line)
      log:close()
    end
    print(string.format("%5d s  mean %.2f C  (%.2f..%.2f)  heap %d", tmr.time(), mean, low, high, node.heap()))
  end
end)
print("weather station: sampling every 10 s")
