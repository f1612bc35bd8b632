-- Metatables: arithmetic, comparison, indexing, calls, tostring.
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__tostring = function(v) return "V(" .. v.x .. ")" end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(self, y) return self.x * y end
V.__unm = function(a) return setmetatable({x = -a.x}, V) end
local function new(x) return setmetatable({x = x}, V) end
local a, b = new(1), new(2)
print(tostring(a + b), a == new(1), a < b, b <= a, tostring(-a), a .. b, a(10))
local defaults = setmetatable({}, {__index = function(t, k) return k .. "?" end})
print(defaults.color, rawget(defaults, "color"))
local log = {}
local guarded = setmetatable({}, {__newindex = function(t, k, v) table.insert(log, k) rawset(t, k, v) end})
guarded.a = 1 guarded.a = 2 guarded.b = 3
print(table.concat(log, ","), guarded.a)
print(getmetatable("").__index == string, getmetatable(a) == V)
local proxy = setmetatable({}, {__metatable = "locked"})
print(getmetatable(proxy), pcall(setmetatable, proxy, {}))
