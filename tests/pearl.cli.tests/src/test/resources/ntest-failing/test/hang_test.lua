local N = ...
N = (N or require "NTest")("hang")
N.test('first', function() ok(true) end)
N.testasync('never calls done', function(done) end)
