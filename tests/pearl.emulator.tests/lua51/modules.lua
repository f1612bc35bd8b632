-- require, package.loaded, module() with package.seeall, and load/loadstring environments.
package.preload.greeting = function(name) return {hello = function() return "hello from " .. name end} end
local g = require("greeting")
print(g.hello(), require("greeting") == g, package.loaded.greeting == g)
local chunk = loadstring("module('counter', package.seeall) local n = 0 function bump() n = n + 1 return n end")
chunk()
print(counter.bump(), counter.bump(), counter._NAME, type(counter._M), counter._PACKAGE == "")
print(bump, package.loaded.counter == counter)
local parts = {"return ", "6 ", "* 7"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end, "=pieces")
print(f())
print(type(load(function() return nil end)))
local env = setmetatable({}, {__index = _G})
local h = loadstring("value = 10 return value * 2")
setfenv(h, env)
print(h(), env.value, value)
print(getfenv(h) == env, getfenv(print) == _G, getfenv(0) == _G)
print(pcall(setfenv, print, {}))
local function level1() return getfenv(1) == _G, getfenv(2) == _G end
print(level1())
print(type(package.path), type(package.loaders), #package.loaders > 0)
