-- DockerLSP client config for Neovim 0.11 and later.
--
-- Copy this file to `lsp/docker_lsp.lua` in your config directory, or add
-- this repository's `editors/neovim` directory to 'runtimepath', and then call
-- `vim.lsp.enable("docker_lsp")`. Neovim reads the table below as the config
-- of the server named after the file.
return {
  cmd = { "docker-lsp" },
  filetypes = { "dockerfile" },
  root_markers = { ".git", ".hadolint.yaml" },
}
