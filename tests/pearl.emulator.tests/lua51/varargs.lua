-- Varargs, multiple results, select, unpack, and tail calls.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3), pass(), (pass(4, 5)))
print(type({pass(1, 2, 3)}), #{pass(1, 2, 3)} == 3)
local t = {pass(1, 2), pass(3, 4)}
print(#t, t[1], t[2], t[3])
print(select(-1, "a", "b", "c"), select(2, "a", "b", "c"))
print(unpack({1, 2, 3}), unpack({1, 2, 3}, 2, 3), unpack({}, 1, 2))
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(10000))
local function varsum(first, ...)
  if first == nil then return 0 end
  return first + varsum(...)
end
print(varsum(1, 2, 3, 4, 5))
local function named(a, b, ...) local extra = {...} return a, b, #extra, arg end
print(named(1, 2, 3, 4))
print(string.format("%d %s %s", 1, pass("two", "three")))
print(math.max(unpack({5, 9, 2})), math.min(pass(4, 3, 8)))
print(pcall(select, "#"), pcall(select, 1))
print((select("#", pass(nil, nil, nil))))
