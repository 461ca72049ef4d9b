" planc: .plan files are corporate plans
autocmd BufRead,BufNewFile *.plan setfiletype plan
