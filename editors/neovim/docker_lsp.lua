-- Neovim client setup for DockerLSP, the Dockerfile language server.
--
-- Load it with `dofile("/path/to/docker_lsp.lua").setup()`, or copy it to
-- `lua/docker_lsp.lua` in your config and call `require("docker_lsp").setup()`.
-- Every option that setup() does not know is passed to the LSP client
-- config unchanged (on_attach, capabilities, settings, handlers, on_exit, ...).
--
-- Neovim 0.8 and later start the server with vim.lsp.start. Neovim 0.7
-- (Debian 12 ships 0.7.2) has no vim.lsp.start, so this file falls back to
-- vim.lsp.start_client and vim.lsp.buf_attach_client there.

local M = {}

M.defaults = {
  name = "docker-lsp",
  cmd = { "docker-lsp" },
  filetypes = { "dockerfile" },
  root_markers = { ".git", ".hadolint.yaml" },
}

-- Keys that configure this file and are not part of the LSP client config.
local setup_only_keys = { filetypes = true, root_markers = true }

-- Client ids started on Neovim 0.7, keyed by server name and root directory.
local legacy_clients = {}

local uv = vim.uv or vim.loop

local function merged_options(options)
  return vim.tbl_extend("force", M.defaults, options or {})
end

-- Returns the nearest directory at or above `path` that contains one of `markers`, or nil.
function M.find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  while true do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

local function client_config(options, root_dir)
  local config = {}
  for key, value in pairs(options) do
    if not setup_only_keys[key] then
      config[key] = value
    end
  end
  config.root_dir = root_dir
  return config
end

local function start_legacy_client(bufnr, config)
  local key = config.name .. "\0" .. config.root_dir
  local client_id = legacy_clients[key]
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  if client == nil or client.is_stopped() then
    client_id = vim.lsp.start_client(config)
    if client_id == nil then
      return nil
    end
    legacy_clients[key] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

-- Starts the server for buffer `bufnr`, or reuses the one already running for
-- the same root directory, and attaches the buffer. Returns the client id, or
-- nil when the server command is not executable.
function M.start(bufnr, options)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  options = merged_options(options)

  local executable = options.cmd[1]
  if vim.fn.executable(executable) ~= 1 then
    vim.notify(
      string.format(
        "docker-lsp: server command %q not found or not executable. Pass cmd = { \"/path/to/docker-lsp\" } to setup().",
        executable
      ),
      vim.log.levels.WARN
    )
    return nil
  end

  local path = vim.api.nvim_buf_get_name(bufnr)
  local root_dir = M.find_root(path, options.root_markers) or vim.fn.fnamemodify(path, ":p:h")
  local config = client_config(options, root_dir)

  if vim.lsp.start ~= nil then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  return start_legacy_client(bufnr, config)
end

-- Starts the server for every buffer of a Dockerfile type, including buffers
-- that are already open when setup() runs.
function M.setup(options)
  options = merged_options(options)
  local group = vim.api.nvim_create_augroup("docker_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = options.filetypes,
    callback = function(event)
      M.start(event.buf, options)
    end,
  })

  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    local filetype = vim.bo[bufnr].filetype
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(options.filetypes, filetype) then
      M.start(bufnr, options)
    end
  end
end

return M
