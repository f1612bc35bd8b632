-- A test board must not run this: every suite would fail with "the board rebooted".
print("init.lua ran")
node.restart()
