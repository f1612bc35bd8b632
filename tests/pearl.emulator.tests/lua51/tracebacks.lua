-- Tracebacks through library functions: error, a bad argument, a sort comparator, an __index
-- function, xpcall with debug.traceback as the handler, and debug.traceback called directly.
-- The bottom line (the host that ran the main chunk) differs between hosts and is cut.
local function show(traceback)
  print((traceback:gsub("\n\t%[C%]: %?$", "")))
end

local function cmp(a, b) error("cmp") end
local function sorter() table.sort({3, 2, 1}, cmp) end
show(select(2, xpcall(sorter, debug.traceback)))

local function deep() local x = nil; return x.y end
show(select(2, xpcall(function() deep() end, debug.traceback)))

show(select(2, xpcall(function() string.rep() end, debug.traceback)))

local t = setmetatable({}, {__index = function(t, k) error("no " .. k) end})
show(select(2, xpcall(function() return t.foo end, debug.traceback)))

local function direct() return debug.traceback("here") end
show(direct())
show(select(2, pcall(direct)))

local function level2() return debug.traceback("two", 2) end
local function caller() return level2() end
show(caller())

local function l1() return debug.traceback("one") end
local function c1() return l1() end
show(c1())
