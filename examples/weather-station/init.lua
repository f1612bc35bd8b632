-- Start the app three seconds after boot, as the NodeMCU FAQ advises: if app.lua fails at every
-- boot, those seconds are the window to stop it (file.remove("app.lua") at the prompt).
print("weather station: starting in 3 s")
tmr.create():alarm(3000, tmr.ALARM_SINGLE, function()
  if file.exists("app.lua") then
    dofile("app.lua")
  else
    print("app.lua is missing; staying at the prompt")
  end
end)
