-- How numbers print and compute: the board prints with %.14g like Lua 5.1.
print(1, -1, 0.5, 1/3, 10/3, 2^53, 2^63, 1e15, 1e16, 1e100, 123456789012345)
local zero, minus = 0, -1
print(zero / minus, -zero, zero * minus == 0)
print(7 % 3, -7 % 3, 7 % -3, 5.5 % 2, 2^-1, 100000000000000)
print(math.floor(3.7), math.ceil(3.2), math.abs(-4), math.max(1, 9, 3), math.min(4, 2), math.sqrt(16))
print(tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36), tonumber("ff", 16), tonumber("8", 8), tonumber("abc"))
print(tostring(1e300 * 1e10), tostring(-1e300 * 1e10), math.huge, -math.huge)
print(string.format("%d %5d %-5d| %05d %x %X %o", 42, 42, 42, 42, 255, 255, 8))
print(string.format("%5.2f %.3f %e %g %g %g", 3.14159, 2/3, 12345.678, 0.0001, 1e20, 100))
print(string.format("%s %10s %-10s| %q", "a", "right", "left", 'quote "me"\n'))
print(3 == 3.0, "10" + 5, "3" * "4", 10 .. 20, #"hello")
