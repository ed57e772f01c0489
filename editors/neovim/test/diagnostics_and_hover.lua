-- Headless Neovim session that exercises DockerLSP through docker_lsp.lua.
--
-- Run as `nvim --headless --clean -u diagnostics_and_hover.lua` with these
-- environment variables:
--   DOCKER_LSP_CMD         path of the docker-lsp binary
--   DOCKER_LSP_DOCKERFILE  Dockerfile to open
--   DOCKER_LSP_RESULT      JSON file to write
--   DOCKER_LSP_CLIENT      "module" (default) to start the server with docker_lsp.lua,
--                          or "native" to use lsp/docker_lsp.lua with vim.lsp.enable (0.11+)
--   DOCKER_LSP_TIMEOUT_MS  how long to wait for diagnostics and for hover (default 20000)
--   DOCKER_LSP_HOVER_LINE, DOCKER_LSP_HOVER_CHARACTER
--                          0-based hover position (default 1 and 1, inside the first RUN)
--
-- The script opens the Dockerfile, waits until the server publishes a
-- non-empty diagnostics list for it (or the timeout passes, or the server
-- exits), requests hover, writes everything it received to the result file
-- and quits. It asserts nothing itself: NeovimEditorTests.swift reads the file.
-- A Lua error is written to the result file as `script_error` and ends Neovim
-- with exit status 1.

local script_dir = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local neovim_dir = vim.fn.fnamemodify(script_dir, ":h")

local function required_env(name)
  local value = vim.env[name]
  if value == nil or value == "" then
    error("environment variable " .. name .. " is missing")
  end
  return value
end

local result = {
  publications = {},
  diagnostics_timed_out = false,
}
local result_path = vim.env.DOCKER_LSP_RESULT

local function write_result()
  local file = assert(io.open(result_path, "w"))
  file:write(vim.json.encode(result))
  file:close()
end

local function buffer_clients(bufnr)
  if vim.lsp.get_clients ~= nil then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.lsp.buf_get_clients(bufnr)
end

local function has_non_empty_publication(uri)
  for _, publication in ipairs(result.publications) do
    if publication.uri == uri and #publication.diagnostics > 0 then
      return true
    end
  end
  return false
end

local function run()
  local server_cmd = required_env("DOCKER_LSP_CMD")
  local dockerfile = required_env("DOCKER_LSP_DOCKERFILE")
  local client_mode = vim.env.DOCKER_LSP_CLIENT or "module"
  local timeout_ms = tonumber(vim.env.DOCKER_LSP_TIMEOUT_MS or "20000")
  local hover_line = tonumber(vim.env.DOCKER_LSP_HOVER_LINE or "1")
  local hover_character = tonumber(vim.env.DOCKER_LSP_HOVER_CHARACTER or "1")

  local version = vim.version()
  result.neovim_version = string.format("%d.%d.%d", version.major, version.minor, version.patch)
  result.client_mode = client_mode
  result.lsp_log_path = require("vim.lsp.log").get_filename()

  -- Record every publication before Neovim's own handler turns it into vim.diagnostic entries.
  local handlers = {
    ["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
      if params ~= nil then
        table.insert(result.publications, { uri = params.uri, diagnostics = params.diagnostics })
      end
      return vim.lsp.handlers["textDocument/publishDiagnostics"](err, params, ctx, config)
    end,
  }
  local function on_exit(code, signal)
    result.server_exit = { code = code, signal = signal }
  end

  -- An init file runs before Neovim turns on filetype detection by itself.
  vim.cmd("filetype on")

  if client_mode == "native" then
    if vim.lsp.enable == nil then
      error("DOCKER_LSP_CLIENT=native needs Neovim 0.11 or later, found " .. result.neovim_version)
    end
    vim.opt.runtimepath:prepend(neovim_dir)
    vim.lsp.config("docker_lsp", { cmd = { server_cmd }, handlers = handlers, on_exit = on_exit })
    vim.lsp.enable("docker_lsp")
  elseif client_mode == "module" then
    dofile(neovim_dir .. "/docker_lsp.lua").setup({
      cmd = { server_cmd },
      handlers = handlers,
      on_exit = on_exit,
    })
  else
    error("DOCKER_LSP_CLIENT must be module or native, not " .. client_mode)
  end

  vim.cmd("edit " .. vim.fn.fnameescape(dockerfile))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  result.document_uri = uri
  result.filetype = vim.bo[bufnr].filetype

  -- Starting a client attaches it at once, so a short wait is enough here.
  local attached = vim.wait(math.min(timeout_ms, 5000), function()
    return #buffer_clients(bufnr) > 0 or result.server_exit ~= nil
  end, 20)
  result.attached = attached and #buffer_clients(bufnr) > 0
  if not result.attached then
    return
  end

  local published = vim.wait(timeout_ms, function()
    return has_non_empty_publication(uri) or result.server_exit ~= nil
  end, 20)
  result.diagnostics_timed_out = not published

  if result.server_exit == nil then
    local params = {
      textDocument = { uri = uri },
      position = { line = hover_line, character = hover_character },
    }
    local responses, request_error = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, timeout_ms)
    if request_error ~= nil then
      result.hover_error = tostring(request_error)
    end
    for _, response in pairs(responses or {}) do
      if response.err ~= nil then
        result.hover_error = vim.inspect(response.err)
      end
      result.hover = response.result
    end
  end
end

local ok, message = xpcall(run, debug.traceback)
if not ok then
  result.script_error = message
end
if result_path ~= nil and result_path ~= "" then
  write_result()
end
if ok then
  vim.cmd("qall!")
else
  io.stderr:write(message .. "\n")
  vim.cmd("cquit 1")
end
