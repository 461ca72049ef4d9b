-- The end-to-end test of tests/lsp.sh: run in headless Neovim after editors/nvim/planc.lua has opened
-- a plan with a mistake; waits for planc's diagnostics and prints each as "diagnostic: LINE:COL CODE
-- MESSAGE" (1-based), then quits.
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
vim.cmd("qa!")
