" Vim syntax for planc's plan language (docs/language.md).
if exists("b:current_syntax")
  finish
endif

syn keyword planKeyword accumulates activity amend arrears at band baseline because benchmark colour committee completed confidence contributes covers decimals delivers delivery description direction due expect forecast formula frequency from if impact in include indicator input interval jump kind maintain measures method milestone monitor of organisation otherwise outcome overdue owner per pillar plan polarity progress pts rated rating reported restated result revised source stale status symbol target theme threshold to tolerance transformation unit version when within
syn keyword planWord bigger smaller percent count score currency days weeks rate points monthly quarterly biannual annual snapshot year_to_date rolling_12_months improvement achievement cpi spi kpi not_started on_track at_risk off_track delayed complete not_available not_yet_available
syn match planPeriod "\<[0-9]\{4}/[0-9]\{2}\%(\s\+\%(Q[1-4]\|H[12]\|Jan\|Feb\|Mar\|Apr\|May\|Jun\|Jul\|Aug\|Sep\|Oct\|Nov\|Dec\)\)\="
syn match planNumber "\<[0-9]\+\%(\.[0-9]\+\)\=%\="
syn match planOperator ">=\|<=\|[<>]"
syn region planString start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=planEscape
syn match planEscape contained +\\[\\"nt]+
syn match planComment "#.*$" contains=@Spell
syn match planComment "//.*$" contains=@Spell
syn region planComment start="/\*" end="\*/" contains=@Spell

hi def link planKeyword Keyword
hi def link planWord Constant
hi def link planPeriod Special
hi def link planNumber Number
hi def link planOperator Operator
hi def link planString String
hi def link planEscape SpecialChar
hi def link planComment Comment

let b:current_syntax = "plan"
