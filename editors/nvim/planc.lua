-- planc's language server in Neovim's built-in LSP client (Neovim 0.7 and later): *.plan files get
-- the filetype "plan" and a client running `planc lsp`, which underlines planc's diagnostics as you
-- type.  Copy this file into ~/.config/nvim/ and add `dofile(vim.fn.stdpath("config") .. "/planc.lua")`
-- to your init.lua (docs/editors.md).  PLANC_LSP_CMD names another planc than the one on PATH.
local cmd = { os.getenv("PLANC_LSP_CMD") or "planc", "lsp" }
local client_id = nil

local function attach(buf, file)
  vim.bo[buf].filetype = "plan"
  local root = vim.fn.fnamemodify(file, ":p:h")
  if vim.lsp.start then -- Neovim 0.8 and later: one client per root, reused
    vim.lsp.start({ name = "planc", cmd = cmd, root_dir = root }, { bufnr = buf })
    return
  end
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    client_id = vim.lsp.start_client({ name = "planc", cmd = cmd, root_dir = root })
  end
  vim.lsp.buf_attach_client(buf, client_id)
end

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = "*.plan",
  callback = function(args) attach(args.buf, args.file) end,
})
