local N = ...
N = (N or require "NTest")("oom")
N.testasync('fills the heap in a callback', function(done)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
    local t = {}
    for i = 1, 1e6 do t[i] = ("x"):rep(100) .. i end
    done()
  end)
end)
N.test('never runs', function() ok(true) end)
