-- The string library as Lua 5.1 has it.
local s = "Hello, NodeMCU World"
print(s:upper(), s:lower(), s:len(), s:sub(1, 5), s:sub(-5), s:sub(8, -7), s:rep(2, "x"))
print(s:find("World"), s:find("o", 6), s:find("%u%l+", 8), s:find(".", 1, true), s:find("xyz"))
print(s:match("(%a+), (%a+)"), s:match("%d+"), ("key=value"):match("(%w+)=(%w+)"))
print(s:gsub("o", "0"), s:gsub("%w+", string.upper, 2), ("abc"):gsub("", "-"))
print(("hello world"):gsub("(%w+)", "<%1>"), ("a,b,,c"):gsub(",", ";"))
local words = {} for word in s:gmatch("%a+") do words[#words + 1] = word end print(table.concat(words, "|"))
local pairs_ = {} for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do pairs_[#pairs_ + 1] = k .. v end print(table.concat(pairs_, " "))
print(string.byte("ABC", 1, 3), string.char(72, 105), ("x"):byte(), string.reverse("stressed"))
print(("%d items"):format(3), ("  trim  "):match("^%s*(.-)%s*$") .. "|", ("CamelCase"):gsub("%u", function(c) return "_" .. c:lower() end))
print(("f(a(b)c)d"):match("%b()"), ("THE (quick) fox"):find("%f[%a]%a+"), ("x"):rep(0) == "")
print(tostring(nil), tostring(true), type(print), type(nil), type({}), type("s"), type(2))
print(string.format("%3s|%-3s|%.2s", "ab", "ab", "abcdef"), ("abc") < ("abd"), ("Z") < ("a"))
