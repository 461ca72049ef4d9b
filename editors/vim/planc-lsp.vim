" planc's language server (`planc lsp`) in Vim 9, which has no LSP client of its own, through the
" yegappan/lsp plugin: registers planc for the `plan` filetype (editors/vim/ftdetect/plan.vim sets it),
" so planc's diagnostics are underlined as a plan is typed.  Copy this file to
" ~/.vim/after/plugin/planc-lsp.vim (after/: it runs once the plugin has loaded); docs/editors.md has
" the steps.  $PLANC_LSP_CMD names another planc than the one on PATH; g:planc_include_dirs, a list of
" directories, passes each as --include-dir.
if !exists('*LspAddServer')
  finish                            " yegappan/lsp is not installed (or not loaded): nothing to do
endif
call LspAddServer([#{
      \   name: 'planc',
      \   filetype: ['plan'],
      \   path: empty($PLANC_LSP_CMD) ? 'planc' : $PLANC_LSP_CMD,
      \   args: ['lsp'] + flatten(mapnew(get(g:, 'planc_include_dirs', []), {_, dir -> ['--include-dir', dir]})),
      \ }])
