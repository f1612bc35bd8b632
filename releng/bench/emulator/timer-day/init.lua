-- A day of a typical sensor app: a timer every second that does a little work.
local readings, sum = 0, 0
local t = tmr.create()
t:alarm(1000, tmr.ALARM_AUTO, function()
  readings = readings + 1
  sum = sum + (readings * 37) % 101
  if readings % 3600 == 0 then print(string.format("hour %d: mean %.2f", readings / 3600, sum / readings)) end
end)
