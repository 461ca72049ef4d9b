vim9script
# The Vim test of tests/editors.sh: sourced in Vim 9 with yegappan/lsp and editors/vim/planc-lsp.vim
# after a plan with a mistake is opened; waits (up to 20 s) for planc's diagnostics, writes each as
# "diagnostic: LINE:COL MESSAGE" (1-based) into $VIM_CHECK_OUT, then quits.
var waited = 0
def Report(timer: number)
  waited += 100
  if lsp#lsp#ErrorCount().Error == 0 && waited < 20000
    timer_start(100, Report)
    return
  endif
  var out = [$'filetype: {&filetype}']
  silent! LspDiagShow
  for d in getloclist(0)
    out->add($'diagnostic: {d.lnum}:{d.col} {d.text}')
  endfor
  writefile(out, $VIM_CHECK_OUT)
  qa!
enddef
timer_start(100, Report)
