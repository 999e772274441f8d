-- Usage: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-check.lua' -- <file.md> <out.json> <server.js> [<root>] [<lens.md>]
-- Attaches the Postmortem server to one file the way a plain Neovim config would (no settings sent, so the server
-- must cope with null configuration), waits for its diagnostics and writes them to <out.json>, then asks for the
-- document symbols (the outline) and writes them, flattened, to <out.json>.symbols.json. With <lens.md>, opens it
-- too and writes the code lenses Neovim's own codelens support received (the timeline's figures, and the inferred
-- milestones: 0.7 has no inlay hints, so the server sends them as lenses) to <out.json>.codelens.json.
-- Neovim 0.7.2 (Debian 12) has no vim.lsp.start (0.8+), hence start_client + buf_attach_client.
local file, out, server, root, lens_file = unpack(vim.fn.argv())
vim.cmd('filetype on')   -- off under -u NONE; get_language_id below covers it too
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

local client_id = vim.lsp.start_client({
  name = 'postmortem',
  cmd = { 'node', server, '--stdio' },
  root_dir = root or vim.fn.fnamemodify(file, ':p:h'),
  get_language_id = function() return 'markdown' end,
  on_exit = function(code) if code ~= 0 then io.stderr:write('server exited ' .. code .. '\n') end end,
})
assert(client_id, 'start_client failed')
vim.lsp.buf_attach_client(bufnr, client_id)

-- vim.wait polls the event loop until the predicate holds: it returns as soon as diagnostics arrive.
local ok = vim.wait(tonumber(os.getenv('LSP_WAIT_MS') or 15000), function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local simple = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}   -- 0.7 keeps the protocol's fields (code, ...) here
  table.insert(simple, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
    source = d.source, code = lsp.code, message = d.message })
end
local json = vim.json.encode(simple)
local f = assert(io.open(out, 'w')); f:write(json, '\n'); f:close()
io.stdout:write(json, '\n')

-- The outline: textDocument/documentSymbol, answered synchronously (the request itself is the wait).
local symbols = {}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol',
  { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, 10000) or {}
local function flatten(list, depth)
  for _, s in ipairs(list or {}) do
    table.insert(symbols, { name = s.name, detail = s.detail, kind = s.kind, depth = depth, line = s.range.start.line })
    flatten(s.children, depth + 1)
  end
end
for _, response in pairs(responses) do flatten(response.result, 0) end
local sf = assert(io.open(out .. '.symbols.json', 'w')); sf:write(vim.json.encode(symbols), '\n'); sf:close()

-- Code lenses: what vim.lsp.codelens.refresh() stores for display (vim.wait returns as soon as they arrive).
if lens_file then
  vim.cmd('edit ' .. vim.fn.fnameescape(lens_file))
  local lens_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(lens_buf, client_id)
  vim.wait(10000, function() return vim.lsp.buf_is_attached(lens_buf, client_id) end, 50)
  vim.lsp.codelens.refresh()
  vim.wait(10000, function() return #vim.lsp.codelens.get(lens_buf) > 0 end, 50)
  local lenses = {}
  for _, l in ipairs(vim.lsp.codelens.get(lens_buf)) do
    table.insert(lenses, { line = l.range.start.line, title = l.command and l.command.title })
  end
  local lf = assert(io.open(out .. '.codelens.json', 'w')); lf:write(vim.json.encode(lenses), '\n'); lf:close()
end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
if ok then vim.cmd('qa!') else io.stderr:write('no diagnostics in time\n'); vim.cmd('cquit 1') end
