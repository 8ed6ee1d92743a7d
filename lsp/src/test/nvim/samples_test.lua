-- Headless Neovim 0.7 as a user's editor: starts bin/conduit-lsp, opens the sample mistakes,
-- checks each expected finding, applies the LostCancel quick fix and sees the finding go.
-- Run: CONDUIT_ROOT=/path/to/checkout nvim --headless -u NONE -c 'luafile samples_test.lua'
local root = assert(os.getenv("CONDUIT_ROOT"), "CONDUIT_ROOT is not set")
local shop = root .. "/samples/mistakes/shop/"

local function say(msg)
  io.stderr:write(msg .. "\n")
end

local function fail(msg)
  say("FAIL: " .. msg)
  vim.cmd("cquit 1")
end

local function code_of(d)
  if d.code ~= nil then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function has(buf, rule, line)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == rule and d.lnum == line - 1 then
      return true
    end
  end
  return false
end

local function describe(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, tostring(code_of(d)) .. "@" .. (d.lnum + 1))
  end
  return table.concat(seen, " ")
end

vim.cmd("filetype on")
local client_id = vim.lsp.start_client({
  name = "conduit",
  cmd = { root .. "/bin/conduit-lsp" },
  root_dir = root .. "/samples/mistakes",
})
if not client_id then
  fail("bin/conduit-lsp did not start")
end

local expected = {
  { "Abandoned.java", "AbandonedSender", 11 },
  { "Blocking.java", "UncancellableBlockingCall", 10 },
  { "Closing.java", "DoubleClose", 11 },
  { "Counting.java", "WaitGroupAddInGoroutine", 14 },
  { "Declarations.java", "ConduitConflictingDirections", 10 },
  { "Declarations.java", "ConduitRequiresContext", 13 },
  { "Detached.java", "ContextPropagation", 8 },
  { "Direction.java", "ChannelDirection", 10 },
  { "Holder.java", "ContextInField", 7 },
  { "Nulls.java", "NullContext", 6 },
  { "Order.java", "ContextFirst", 7 },
  { "Lost.java", "LostCancel", 12 },
}

local bufs = {}
for _, e in ipairs(expected) do
  local file, rule, line = e[1], e[2], e[3]
  if not bufs[file] then
    vim.cmd("edit " .. vim.fn.fnameescape(shop .. file))
    bufs[file] = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufs[file], client_id)
  end
  local buf = bufs[file]
  if not vim.wait(90000, function() return has(buf, rule, line) end, 50) then
    fail(file .. ": no " .. rule .. " at line " .. line .. "; diagnostics: " .. describe(buf))
  end
  say("ok " .. file .. ": " .. rule .. " at line " .. line)
end

-- The LostCancel quick fix, requested and applied as an editor does.
local lost = bufs["Lost.java"]
vim.api.nvim_set_current_buf(lost)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(lost) },
  range = { start = { line = 11, character = 0 }, ["end"] = { line = 11, character = 80 } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(lost, "textDocument/codeAction", params, 30000)
local fix
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    local d = action.diagnostics and action.diagnostics[1]
    if not fix and d and d.code == "LostCancel" and not action.title:match("^Suppress") then
      fix = action
    end
  end
end
if not fix then
  fail("no LostCancel quick fix offered")
end
if fix.edit.documentChanges then
  fail("the fix uses documentChanges, which Neovim 0.7 does not announce")
end
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
local text = table.concat(vim.api.nvim_buf_get_lines(lost, 0, -1, false), "\n")
if not text:find("try %(") then
  fail("the fix did not add a try-with-resources: " .. text)
end
if not vim.wait(60000, function() return not has(lost, "LostCancel", 12) and #vim.diagnostic.get(lost) == 0 end, 50) then
  fail("LostCancel still reported after the fix: " .. describe(lost))
end
say("ok Lost.java: the quick fix cleared LostCancel")

vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qall!")
