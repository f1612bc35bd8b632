-- Tables: the table library, length, iteration order of the array part.
local t = {10, 20, 30}
table.insert(t, 40)
table.insert(t, 1, 5)
print(#t, table.concat(t, ","), table.remove(t), table.remove(t, 1), table.concat(t, ";"))
print(table.getn(t), table.maxn({1, 2, [10] = 3}), select("#", unpack({1, 2, 3})), unpack({1, 2, 3}, 2))
local words = {"pear", "apple", "fig", "banana"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b end)
print(words[1], words[4])
local seen = {} for i, v in ipairs({"a", "b", nil, "d"}) do seen[#seen + 1] = i .. v end print(table.concat(seen, " "))
local n = 0 for k, v in pairs({x = 1, y = 2, 3}) do n = n + v end print(n)
local each = {} table.foreachi({"p", "q"}, function(i, v) each[#each + 1] = i .. v end) print(table.concat(each))
print(next({}), rawequal(t, t), rawget({a = 1}, "a"), rawlen == nil)
print(table.concat({}, ","), table.concat({1, 2, 3}, ", ", 2, 3))
