#!/usr/bin/env lua
-- What a Lua highlighter easily gets wrong; grammar.test.mjs checks these lines token by token.
local banner = [==[
level 2: ]] and ]=] do not close it, "quotes" and -- dashes are text
]==]
--[==[ a level-2 comment: ]] does not close it
local not_code = 1
]==] local after = 0x1F
--[[ one line ]] print("code again")
local s = "tab\t quote\" bytes \65\066\255 big \256 unknown \q more \
still the string"
local open = "no closing quote
local closed = 1
local n = 0xfF + 1e10 + 3.25E-2 + .5 + 10 % 3 ^ 2
local bad = 3x + 1..2
local function blink(pin, ...)
  local t = tmr.create()
  t:alarm(500, tmr.ALARM_AUTO, function(timer)
    gpio.write(pin, gpio.read(pin) == gpio.HIGH and gpio.LOW or gpio.HIGH)
  end)
  return #{...} ~= 0, "a" .. 'b'
end
function M.util:step(x)
  self.count = (self.count or 0) + 1
  wifi.sta.config({ ssid = "x", pwd = [[p]] }); blink(4)
  print(string.format("%d", math.floor(node.heap() / 1024)), _G, nil, true, false)
end
repeat
  local i = 1
until not (i <= 10)
while false do break end
for k, v in pairs({}) do if k then elseif v then else end end
local nested = [[ a [[ inside a level-0 long string ]]
