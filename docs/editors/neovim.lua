-- RouterOS scripts (.rsc) in Neovim with the rsc language server: add this to init.lua. It needs `rsc` on PATH
-- (npm install -g routeros-mqtt, see the README). Neovim 0.8 or later; the lines marked 0.7 serve Debian 12's 0.7.2.
if vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({ extension = { rsc = "routeros" } })
else -- 0.7
  vim.api.nvim_create_autocmd({ "BufNewFile", "BufRead" }, { pattern = "*.rsc", command = "setfiletype routeros" })
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "routeros",
  callback = function(args)
    vim.bo[args.buf].commentstring = "# %s"
    local config = { name = "rsc", cmd = { "rsc", "lsp", "--stdio" }, root_dir = vim.fn.getcwd() }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else -- 0.7: one client for every RouterOS buffer
      vim.g.rsc_client = vim.g.rsc_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, vim.g.rsc_client)
    end
  end,
})
