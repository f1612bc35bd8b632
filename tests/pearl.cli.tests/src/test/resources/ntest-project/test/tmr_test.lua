local N = ...
N = (N or require "NTest")("tmr")

N.test('tmr.now counts microseconds forward', function()
  local t0 = tmr.now()
  tmr.delay(1000)
  local dt = tmr.now() - t0
  ok(dt >= 1000, "delay of 1 ms advanced tmr.now by " .. dt)
end)

N.test('state() is nil until registered, then running and mode', function()
  local t = tmr.create()
  ok(eq(t:state(), nil), "a new timer has no state")
  t:register(10, tmr.ALARM_SEMI, function() end)
  local running, mode = t:state()
  ok(eq(running, false), "not running before start")
  ok(eq(mode, tmr.ALARM_SEMI), "its mode")
  t:unregister()
end)

N.test('bad arguments raise', function()
  fail(function() tmr.create():alarm() end)
  fail(function() tmr.create():alarm(10, 99, function() end) end)
end)

N.testasync('a single alarm fires once', function(done)
  local fired = 0
  local t = tmr.create()
  t:alarm(50, tmr.ALARM_SINGLE, function() fired = fired + 1 end)
  tmr.create():alarm(300, tmr.ALARM_SINGLE, function()
    ok(eq(fired, 1), "fired once")
    done()
  end)
end)

N.testco('an auto alarm repeats until stopped', function(getCB, waitCB)
  local t = tmr.create()
  local t0 = tmr.now()
  t:alarm(200, tmr.ALARM_AUTO, getCB("tick"))
  local name, timer = waitCB()
  ok(eq(name, "tick"))
  name, timer = waitCB()
  local elapsed = tmr.now() - t0
  ok(elapsed >= 400000 and elapsed < 450000, "two ticks take 400 ms, took " .. elapsed)
  timer:stop()
  ok(eq((t:state()), false), "stopped")
end)
