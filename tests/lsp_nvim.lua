-- The end-to-end test of tests/lsp.sh: run in headless Neovim after editors/nvim/planc.lua has opened
-- a plan with a mistake; waits for planc's diagnostics and prints each as "diagnostic: LINE:COL CODE
-- MESSAGE" (1-based); then asks hover on the indicator 'share' (each line of its text printed as
-- "hover: LINE"), fixes the mistake in the buffer, waits for the diagnostics to clear and asks the
-- definition of the outcome 'o' where the indicator measures it ("definition: FILE LINE:COL"); quits.
local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
if not got then
  io.stdout:write("no diagnostic within 20 s\n")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  io.stdout:write(string.format("diagnostic: %d:%d %s %s\n", d.lnum + 1, d.col + 1, code, d.message))
end
-- completion (tests/lsp_edit.sh): what is offered after `measures` (line 12, before "oo"), each as
-- "completion: LABEL"
local answers = vim.lsp.buf_request_sync(0, "textDocument/completion",
  { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 11, character = 21 } }, 10000)
for _, answer in pairs(answers or {}) do
  local result = answer.result or {}
  for _, item in ipairs(result.items or result) do
    io.stdout:write("completion: " .. item.label .. "\n")
  end
end

-- The first answer of planc's client to a request at (line, character), 0-based; nil when none.
local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = character } }
  for _, reply in pairs(vim.lsp.buf_request_sync(0, method, params, 10000) or {}) do
    if reply.result then
      return reply.result
    end
  end
  return nil
end

local hover = request("textDocument/hover", 10, 19)
if hover and hover.contents and hover.contents.value then
  for line in hover.contents.value:gmatch("[^\n]+") do
    io.stdout:write("hover: " .. line .. "\n")
  end
else
  io.stdout:write("hover: none\n")
end

vim.api.nvim_buf_set_lines(0, 11, 12, false, { "            measures o" })
if not vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 20) then
  io.stdout:write("the diagnostics did not clear within 20 s\n")
end
local def = request("textDocument/definition", 11, 21)
if def and def[1] then
  def = def[1]
end
if def and def.uri then
  io.stdout:write(string.format("definition: %s %d:%d\n", vim.fn.fnamemodify(vim.uri_to_fname(def.uri), ":t"),
    def.range.start.line + 1, def.range.start.character + 1))
else
  io.stdout:write("definition: none\n")
end
vim.cmd("qa!")
