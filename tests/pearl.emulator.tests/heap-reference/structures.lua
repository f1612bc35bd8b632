-- Heap cost of known structures, as collectgarbage("count") reports it. Run by measure.sh on a
-- 32-bit Lua 5.1 (the layout of the ESP8266's float build); the emulator's heap model is tested
-- against the figures it prints. Each line: name, then bytes.
local function measure(name, build)
  collectgarbage("collect")
  collectgarbage("collect")
  local before = collectgarbage("count")
  local value = build() -- a local keeps it alive through the second count, and costs nothing itself
  collectgarbage("collect")
  collectgarbage("collect")
  local after = collectgarbage("count")
  print(string.format("%-30s %d", name, math.floor((after - before) * 1024 + 0.5)))
  return value
end

local function array(n) local t = {} for i = 1, n do t[i] = i end return t end
local function hash(n) local t = {} for i = 1, n do t["k" .. i] = i end return t end

measure("table empty", function() return {} end)
measure("table array 1", function() return array(1) end)
measure("table array 10", function() return array(10) end)
measure("table array 100", function() return array(100) end)
measure("table array 1000", function() return array(1000) end)
measure("table constructor 4", function() return {1, 2, 3, 4} end)
measure("table hash 1", function() return {a = 1} end)
measure("table hash 8 numbers", function() local t = {} for i = 1, 8 do t[i * 1000] = i end return t end)
-- the keys are strings made here: their cost is included
measure("table hash 10 new keys", function() return hash(10) end)
measure("table hash 100 new keys", function() return hash(100) end)
measure("100 tables {x, y}", function() local t = {} for i = 1, 100 do t[i] = {x = i, y = i} end return t end)
measure("string 0 (new)", function() return string.rep("a", 0) .. "" end)
measure("string 1 (new)", function() return string.char(200) end)
measure("string 10 (new)", function() return string.rep("b", 10) end)
measure("string 100 (new)", function() return string.rep("c", 100) end)
measure("string 1000 (new)", function() return string.rep("d", 1000) end)
measure("closure 0 upvalues", function() return function() return 1 end end)
measure("closure 1 upvalue", function() local a = 1 return function() return a end end)
measure("closure 4 upvalues", function() local a, b, c, d = 1, 2, 3, 4 return function() return a + b + c + d end end)
measure("10 closures, 1 shared upvalue", function()
  local n = 0
  local fs = {}
  for i = 1, 10 do fs[i] = function() return n end end
  return fs
end)
measure("loadstring small function", function() return loadstring("local a, b = ... return a + b") end)
measure("coroutine", function() return coroutine.create(function() end) end)
measure("userdata (newproxy)", function() return newproxy(false) end)
