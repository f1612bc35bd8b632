-- The project's code under test: a blinker on a GPIO pin.
local M = {}

function M.start(pin, ms)
  gpio.mode(pin, gpio.OUTPUT)
  gpio.write(pin, gpio.LOW)
  local level = gpio.LOW
  local t = tmr.create()
  t:alarm(ms, tmr.ALARM_AUTO, function()
    level = level == gpio.LOW and gpio.HIGH or gpio.LOW
    gpio.write(pin, level)
  end)
  return t
end

return M
