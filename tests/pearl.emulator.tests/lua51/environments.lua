-- Lua 5.1 environments and chunk loading.
local f = loadstring("return x")
setfenv(f, {x = "from env"})
print(f(), getfenv(f).x)
local g = loadstring("y = 5 return y")
local env = {}
setfenv(g, env)
print(g(), env.y, y)
print(type(getfenv(0)), getfenv(1) == _G)
local chunk = loadstring("local a, b = ... return a * b")
print(chunk(6, 7))
print(_VERSION == "Lua 5.1", type(_G), _G._G == _G)
print(select(2, loadstring("syntax error here")))
print(select(2, pcall(loadstring("error('from chunk')", "=mychunk"))))
