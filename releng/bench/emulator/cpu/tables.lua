-- Table building, reading and sorting.
local t = {}
for i = 1, 300000 do t[i] = (i * 7919) % 100003 end
table.sort(t)
local keyed = {}
for i = 1, 300000 do keyed["k" .. (i % 5000)] = i end
local n = 0 for k, v in pairs(keyed) do n = n + 1 end
print("tables", t[1], t[#t], n)
