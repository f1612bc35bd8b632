local N = ...
N = (N or require "NTest")("mixed")

N.test('passes', function() ok(true) end)
N.test('assertion fails', function() ok(eq({1, 2}, {1, 3}), "lists differ") end)
N.test('raises', function() local t = nil; return t.x end)
N.testasync('fails in a callback', function(done)
  tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
    ok(false, "too late")
    done()
  end)
end)
N.test('runs after the failures', function() ok(true) end)
