-- String building, formatting and pattern matching.
local parts = {}
for i = 1, 200000 do parts[#parts + 1] = string.format("%d:%05.1f", i, i / 3) end
local s = table.concat(parts, ",")
local count = 0
for a, b in s:gmatch("(%d+):(%d+%.%d)") do count = count + 1 end
print("strings", #s, count, (s:gsub("%d", "")):len())
