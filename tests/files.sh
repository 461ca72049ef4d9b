# Replacing a file keeps it (runtime/output.c), sourced by tests/run.sh: symbolic links are written
# through, modes and owners kept, hard links and anything but a regular file refused, inputs never
# overwritten, --split names that would collide refused, no temporary left by SIGINT or SIGTERM, and
# output names as long as a name can be.
F=$OUT/files
rm -rf "$F"
mkdir -p "$F"
S=tests/eval/small.plan
R=tests/eval/good.csv

# golden_files NAME ARGS...: planc's output and exit status must equal tests/files/NAME.expected.
golden_files() {
    local name=$1
    shift
    golden_cmd "files $name" "tests/files/$name.expected" "$@"
}

# verdict NAME: a test that passes when the command just before it succeeded.
verdict() {
    local status=$?
    if [ $status = 0 ]; then ok "files $1"; else bad "files $1"; fi
}

# An unformatted plan, and what planc fmt makes of it.
printf 'plan "F" {   covers 2023/24 }\npillar p "P" {   theme t "T" { } }\n' >"$F/messy.plan"
"$PLANC" fmt "$F/messy.plan" >"$F/formatted.plan"
no_temporaries() { ! ls -A "$1" | grep -qE '^\.planc-|\.tmp\.'; }

# fmt -w through a chain of two symbolic links, relative, across directories: the links stay links
# and the file at the end is formatted
mkdir -p "$F/real" "$F/links"
cp "$F/messy.plan" "$F/real/plan.plan"
ln -s ../real/plan.plan "$F/links/one.plan"
ln -s one.plan "$F/links/two.plan"
"$PLANC" fmt -w "$F/links/two.plan" >"$F/fmt_link.out" 2>&1
verdict "fmt -w through symbolic links exits 0"
[ -L "$F/links/two.plan" ] && [ "$(readlink "$F/links/two.plan")" = one.plan ] &&
    [ -L "$F/links/one.plan" ] && [ "$(readlink "$F/links/one.plan")" = ../real/plan.plan ]
verdict "fmt -w keeps the symbolic links"
cmp -s "$F/real/plan.plan" "$F/formatted.plan"
verdict "fmt -w formats the file the links lead to"
no_temporaries "$F/real"
verdict "fmt -w through links leaves no temporary"
no_temporaries "$F/links"
verdict "fmt -w through links leaves no temporary beside the links"

# a dangling link is written through, creating its target, as the shell's > does
ln -s new-return.csv "$F/dangling.csv"
"$PLANC" template $S --period 2019/20 -o "$F/dangling.csv" >/dev/null 2>&1
[ -L "$F/dangling.csv" ] && [ -s "$F/new-return.csv" ]
verdict "template through a dangling link creates its target"

# the replaced file's permission bits are kept exactly: read-only, private
for mode in 400 600 640; do
    cp "$F/messy.plan" "$F/mode$mode.plan"
    chmod $mode "$F/mode$mode.plan"
    "$PLANC" fmt -w "$F/mode$mode.plan" >/dev/null 2>&1
    [ "$(stat -c %a "$F/mode$mode.plan")" = $mode ]
    verdict "fmt -w keeps mode $mode"
    cmp -s "$F/mode$mode.plan" "$F/formatted.plan"
    verdict "fmt -w formats the mode $mode file"
done
# a new file gets the mode any new file gets
(umask 027 && "$PLANC" template $S --period 2019/20 -o "$F/umask.csv" >/dev/null 2>&1)
[ "$(stat -c %a "$F/umask.csv")" = 640 ]
verdict "a new file gets 0666 less the umask"
# ... and the owner and group, where planc may give them (as root)
if [ "$(id -u)" = 0 ] && getent passwd nobody >/dev/null; then
    cp "$F/messy.plan" "$F/owned.plan"
    chown nobody:"$(id -gn nobody)" "$F/owned.plan"
    "$PLANC" fmt -w "$F/owned.plan" >/dev/null 2>&1
    [ "$(stat -c %U:%G "$F/owned.plan")" = "nobody:$(id -gn nobody)" ]
    verdict "fmt -w keeps the owner and group"
else
    echo "SKIP files: keeping the owner needs root and a user 'nobody'"
fi

# a file with other hard links is refused, not split from them
cp "$F/messy.plan" "$F/linked.plan"
ln "$F/linked.plan" "$F/other-name.plan"
golden_files hard_link fmt -w "$F/linked.plan"
cmp -s "$F/linked.plan" "$F/messy.plan"
verdict "the hard-linked file is untouched"
[ "$(stat -c %h "$F/linked.plan")" = 2 ] && [ "$(stat -c %i "$F/linked.plan")" = "$(stat -c %i "$F/other-name.plan")" ]
verdict "the hard link is kept"

# anything but a regular file is refused, and stays what it was: a named pipe, a directory, a device;
# - is still standard output
mkfifo "$F/pipe.csv"
golden_files fifo template $S --period 2019/20 -o "$F/pipe.csv"
[ -p "$F/pipe.csv" ]
verdict "the named pipe is still one"
ln -s pipe.csv "$F/to-pipe.csv"
golden_files link_to_fifo template $S --period 2019/20 -o "$F/to-pipe.csv"
[ -L "$F/to-pipe.csv" ] && [ -p "$F/pipe.csv" ]
verdict "the link to the named pipe is still one"
mkdir "$F/a-directory"
golden_files directory eval $S --results $R --period 2019/20 -o "$F/a-directory"
no_temporaries "$F"
verdict "refusals leave no temporary"
if mknod "$F/null" c 1 3 2>/dev/null; then
    golden_files device map tests/map/tiny.plan -T dot -o "$F/null"
    [ -c "$F/null" ]
    verdict "the device node is still one"
    rm -f "$F/null"
else
    echo "SKIP files: device node (mknod does not work here)"
fi
"$PLANC" template $S --period 2019/20 -o - >"$F/stdout.csv" 2>&1
grep -q '^ref,indicator' "$F/stdout.csv"
verdict "- is standard output"

# no output may be an input: the header --library writes, an include, the map eval embeds
cp $S "$F/lib.h"
golden_files library_header_over_plan compile "$F/lib.h" -o "$F/lib.c" --library
cmp -s "$F/lib.h" $S
verdict "the plan under the header's name is untouched"
[ ! -e "$F/lib.c" ]
verdict "no C written when the header would be an input"
mkdir -p "$F/inc"
cp tests/include/shared-ratings.plan "$F/inc/shared.plan"
printf 'include "shared.plan"\nplan "Includes" { covers 2023/24; rating rag3 }\n' >"$F/inc/main.plan"
golden_files compile_over_include compile "$F/inc/main.plan" -o "$F/inc/shared.plan"
golden_files compile_include_through_other_name compile "$F/inc/main.plan" -o "$F/inc/../inc/shared.plan"
golden_files template_over_include template "$F/inc/main.plan" --period 2023/24 -o "$F/inc/shared.plan"
cmp -s "$F/inc/shared.plan" tests/include/shared-ratings.plan
verdict "the include is untouched"
echo '<svg xmlns="http://www.w3.org/2000/svg"/>' >"$F/map.svg"
cp "$F/map.svg" "$F/map.svg.orig"
golden_files eval_over_map eval $S --results $R --period 2019/20 --format html --map "$F/map.svg" -o "$F/map.svg"
cmp -s "$F/map.svg" "$F/map.svg.orig"
verdict "the embedded map is untouched"

# --split pillar: a pillar named index, or two whose names differ only in case, would be one file
mkdir -p "$F/split"
sed 's/^pillar planet /pillar index /' tests/map/tiny.plan >"$F/split/index-pillar.plan"
golden_files split_index map "$F/split/index-pillar.plan" --split pillar -T dot -o "$F/split/maps1"
[ ! -e "$F/split/maps1" ]
verdict "a split refused writes nothing"
sed 's/^pillar planet /pillar Index /' tests/map/tiny.plan >"$F/split/index-case.plan"
golden_files split_index_case map "$F/split/index-case.plan" --split pillar -T dot -o "$F/split/maps1"
[ ! -e "$F/split/maps1" ]
verdict "a split refused for the index's name in another case writes nothing"
sed 's/^pillar planet /pillar People /' tests/map/tiny.plan >"$F/split/case.plan"
golden_files split_case map "$F/split/case.plan" --split pillar -T dot -o "$F/split/maps2"
[ ! -e "$F/split/maps2" ]
verdict "a split refused for case writes nothing"

# SIGINT and SIGTERM remove the temporary and leave the old output as it was: the results file is a
# named pipe, so eval waits in it with the temporary made (the output is opened before the reading)
signal_leaves_no_temporary() {
    local sig=$1 want=$2 d=$F/signal-$1
    mkdir -p "$d"
    mkfifo "$d/results.csv"
    echo "the old report" >"$d/report.txt"
    # a background job starts with SIGINT ignored; planc rightly keeps a signal ignored
    env --default-signal=INT "$PLANC" eval $S --results "$d/results.csv" --period 2019/20 -o "$d/report.txt" \
        >"$d/eval.out" 2>&1 &
    local pid=$! tries=0
    while ! ls -A "$d" | grep -q '^\.planc-' && [ $tries -lt 100 ]; do
        sleep 0.05
        tries=$((tries + 1))
    done
    kill -"$sig" $pid
    wait $pid
    local status=$?
    if kill -0 $pid 2>/dev/null; then   # still waiting: let it go, then end it
        timeout 2 sh -c ": >'$d/results.csv'"
        kill -KILL $pid 2>/dev/null
    fi
    if [ $tries = 100 ]; then
        bad "files SIG$sig removes the temporary" "no temporary appeared while eval read the results"
    elif [ $status != "$want" ]; then
        bad "files SIG$sig removes the temporary" "exit status $status, expected $want (killed by the signal)"
    elif ! no_temporaries "$d"; then
        bad "files SIG$sig removes the temporary" "left: $(ls -A "$d" | tr '\n' ' ')"
    elif [ "$(cat "$d/report.txt")" != "the old report" ]; then
        bad "files SIG$sig removes the temporary" "the old output changed"
    else
        ok "files SIG$sig removes the temporary"
    fi
}
signal_leaves_no_temporary TERM 143
signal_leaves_no_temporary INT 130

# an output name as long as a name can be (255 bytes less a little): the temporary's name is short
long=$F/$(printf 'x%.0s' $(seq 246)).csv
"$PLANC" template $S --period 2019/20 -o "$long" >"$F/long.out" 2>&1
[ $? = 0 ] && [ -s "$long" ]
verdict "a 250-byte output name"
no_temporaries "$F"
verdict "a 250-byte output name leaves no temporary"
