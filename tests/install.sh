# make install into a temporary prefix; a generated evaluator builds against the installed files with
# pkg-config and prints what planc eval prints; make uninstall removes everything.  Sourced by run.sh.
P="$(pwd)/$OUT/prefix"
rm -rf "$P"
# env -u CC: under check-sanitize, CC names the sanitizer build, which must not leak into build/
if env -u CC make -s install PREFIX="$P" >"$OUT/install.log" 2>&1; then
    ok "install: make install"
    for f in bin/planc lib/libplanrt.a include/planrt.h include/period.h lib/pkgconfig/planrt.pc share/man/man1/planc.1; do
        [ -f "$P/$f" ] && ok "install: $f" || bad "install: $f" "missing"
    done
    "$P/bin/planc" compile tests/eval/small.plan -o "$OUT/inst.c" &&
        ${CC:-cc} -std=c11 "$OUT/inst.c" $(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs planrt) -o "$OUT/inst" 2>"$OUT/inst.log" &&
        "$OUT/inst" --results tests/eval/good.csv --period 2019/20 >"$OUT/inst.out" &&
        "$PLANC" eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 >"$OUT/inst.want" &&
        cmp -s "$OUT/inst.out" "$OUT/inst.want" && ok "install: an evaluator builds with pkg-config against the installed files" ||
        bad "install: pkg-config build" "$(head -3 "$OUT/inst.log")"
    (cd "$OUT" && "$P/bin/planc" build ../../tests/eval/small.plan -o inst_built >/dev/null 2>&1) && [ -x "$OUT/inst_built" ] &&
        ok "install: the installed planc build finds its runtime" || bad "install: installed planc build"
    env -u CC make -s uninstall PREFIX="$P" >/dev/null 2>&1
    left=$(find "$P" -type f | wc -l)
    [ "$left" = 0 ] && ok "install: make uninstall removes every file" || bad "install: uninstall" "$left files left"
else
    bad "install: make install" "$(tail -3 "$OUT/install.log")"
fi
