-- Arithmetic in loops: the cost of plain VM instructions.
local sum = 0
for i = 1, 20000000 do sum = sum + i % 7 end
print("loops", sum)
