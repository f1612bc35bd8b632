-- Drives Neovim's own LSP client against `pearl lsp`: opens a NodeMCU file, waits for the
-- diagnostics, asks for completion and hover, and writes what arrived, one fact per line, to
-- $RESULT. Run as: nvim --headless -u NONE -c "luafile nvim-lsp-check.lua"
local project = os.getenv("PROJECT")
local result = io.open(os.getenv("RESULT"), "w")
local function say(line)
  result:write(line, "\n")
  result:flush()
end

local cmd = vim.split(os.getenv("PEARL_LSP"), "\t", { plain = true })
local client_id = vim.lsp.start_client({
  name = "pearl",
  cmd = cmd,
  root_dir = project,
  on_exit = function(code) say("server exited " .. tostring(code)) end,
})
if not client_id then
  say("client did not start")
  vim.cmd("qall!")
end

vim.cmd("edit " .. project .. "/init.lua")
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local arrived = vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
say("diagnostics arrived " .. tostring(arrived))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  say("diagnostic " .. tostring(d.code or lsp.code) .. " line " .. (d.lnum + 1) .. " " .. d.message)
end

local client = vim.lsp.get_client_by_id(client_id)
local uri = vim.uri_from_bufnr(buf)

-- line 3 (0-based 2) is "local t = tmr.", the caret after the dot
local completion = client.request_sync("textDocument/completion",
  { textDocument = { uri = uri }, position = { line = 2, character = 14 } }, 30000, buf)
if completion and completion.result then
  local items = completion.result.items or completion.result
  for _, item in ipairs(items) do
    say("completion " .. item.label)
  end
else
  say("completion failed " .. vim.inspect(completion))
end

-- line 4 (0-based 3) is "print(node.heap())", the caret on "heap"
local hover = client.request_sync("textDocument/hover",
  { textDocument = { uri = uri }, position = { line = 3, character = 12 } }, 30000, buf)
if hover and hover.result and hover.result.contents then
  local contents = hover.result.contents
  local text = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)
  say("hover " .. text:gsub("\n", " "))
else
  say("hover failed " .. vim.inspect(hover))
end

client.stop()
vim.wait(5000, function() return client.is_stopped() end, 100)
say("done")
vim.cmd("qall!")
