-- Drives the Trackplan language server from Neovim's built-in LSP client, headless (nvim 0.7+):
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim/drive.lua'
-- $TRACKPLAN_E2E_SPEC names a JSON spec written by test/e2e/neovim.e2e.mjs:
--   { cmd, root, files = [{ path, waitMs }], hovers = [{ path, line, character }], initTimeoutMs, out }
-- The script starts the server with vim.lsp.start_client, opens and attaches each file, waits
-- (vim.wait, polling) for vim.diagnostic.get(bufnr) to fill, asks for hovers, writes everything
-- it saw as JSON to spec.out, stops the server and quits. Assertions live in the Node test.

local uv = vim.loop
local started = uv.hrtime()
local function elapsed_ms()
  return math.floor((uv.hrtime() - started) / 1e6)
end

local function read_file(path)
  local file = assert(io.open(path, 'r'))
  local text = file:read('*a')
  file:close()
  return text
end

local function write_file(path, text)
  local file = assert(io.open(path, 'w'))
  file:write(text)
  file:close()
end

local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local decode = (vim.json and vim.json.decode) or vim.fn.json_decode

local spec = decode(read_file(assert(os.getenv('TRACKPLAN_E2E_SPEC'), '$TRACKPLAN_E2E_SPEC is not set')))
local results = {
  nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  published = {}, -- every textDocument/publishDiagnostics notification, as received
  buffers = {},
  hovers = {},
  logMessages = {},
  errors = {},
}

-- LSP language ids by extension, whatever filetype detection made of the buffer.
local language_ids = {
  yaml = 'yaml', yml = 'yaml',
  ts = 'typescript', tsx = 'typescriptreact', mts = 'typescript', cts = 'typescript',
  js = 'javascript', jsx = 'javascriptreact', mjs = 'javascript', cjs = 'javascript',
  py = 'python', pyi = 'python',
}

local function simplify(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end
  return out
end

local function main()
  vim.o.hidden = true -- keep every attached buffer loaded (an unloaded buffer detaches from the client)
  vim.cmd('filetype on')
  vim.lsp.set_log_level(spec.logLevel or 'warn')
  results.lspLog = vim.lsp.get_log_path()

  local initialized = false
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'trackplan',
    cmd = spec.cmd,
    root_dir = spec.root,
    workspace_folders = { { uri = vim.uri_from_fname(spec.root), name = vim.fn.fnamemodify(spec.root, ':t') } },
    get_language_id = function(bufnr, filetype)
      local extension = vim.api.nvim_buf_get_name(bufnr):match('%.([%w]+)$')
      return language_ids[extension] or filetype
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        table.insert(results.published, { atMs = elapsed_ms(), uri = result.uri, count = #result.diagnostics, diagnostics = result.diagnostics })
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ['window/logMessage'] = function(_, result)
        table.insert(results.logMessages, result.message)
      end,
    },
    on_init = function(client, initialize_result)
      initialized = true
      results.initializedAtMs = elapsed_ms()
      results.serverInfo = initialize_result.serverInfo
      results.capabilities = initialize_result.capabilities
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal, atMs = elapsed_ms() }
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil (is spec.cmd runnable?)')
  results.clientId = client_id

  if not vim.wait(spec.initTimeoutMs or 30000, function() return initialized or exited ~= nil end, 50) then
    error('the server did not answer initialize within ' .. tostring(spec.initTimeoutMs) .. ' ms')
  end
  if exited then error('the server exited during initialize: ' .. encode(exited)) end

  local buffers = {}
  for _, file in ipairs(spec.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
    local bufnr = vim.api.nvim_get_current_buf()
    assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach ' .. file.path)
    buffers[file.path] = bufnr
  end

  for _, file in ipairs(spec.files) do
    local bufnr = buffers[file.path]
    local waited_from = elapsed_ms()
    local got = vim.wait(file.waitMs or 30000, function()
      return #vim.diagnostic.get(bufnr) > 0
    end, 100)
    table.insert(results.buffers, {
      path = file.path,
      bufnr = bufnr,
      filetype = vim.bo[bufnr].filetype,
      gotDiagnostics = got,
      waitedMs = elapsed_ms() - waited_from,
    })
  end

  for _, request in ipairs(spec.hovers or {}) do
    local bufnr = buffers[request.path]
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = request.line, character = request.character },
    }
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, request.timeoutMs or 15000)
    local response = responses and responses[client_id] or {}
    table.insert(results.hovers, {
      path = request.path,
      position = params.position,
      result = response.result,
      error = response.err or err,
    })
  end

  -- The final state of every buffer, after all waits.
  for _, entry in ipairs(results.buffers) do
    entry.diagnostics = simplify(vim.diagnostic.get(entry.bufnr))
  end

  -- shutdown + exit, as an editor does on quit; the server should exit by itself with code 0.
  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exited ~= nil end, 50)
  results.exit = exited
end

local ok, failure = xpcall(main, debug.traceback)
if not ok then table.insert(results.errors, failure) end
results.totalMs = elapsed_ms()
write_file(spec.out, encode(results))
vim.cmd('qall!')
