-- In NodeMCU's own style (tests/NTest_*.lua): require the framework, then declare the tests.
local N = require("NTest")("blink")

local blink = require("blink")

N.testco('blinks the pin on its timer', function(getCB, waitCB)
  local t = blink.start(1, 100)
  ok(eq(gpio.read(1), gpio.LOW), "starts low")
  local probe = tmr.create()
  probe:alarm(150, tmr.ALARM_SINGLE, getCB("probe"))
  waitCB()
  ok(eq(gpio.read(1), gpio.HIGH), "high after the first period")
  probe:alarm(100, tmr.ALARM_SINGLE, getCB("probe"))
  waitCB()
  ok(eq(gpio.read(1), gpio.LOW), "low after the second")
  t:unregister()
end)
