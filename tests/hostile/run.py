# The hostile-string test's driver (tests/hostile.sh runs it): generates the plans, results files and
# file names of gen.py, runs every command and output format on them, and parses each output with a
# real parser of its language.  Prints one line per check: "PASS name", "FAIL name: what leaked",
# "XFAIL name: ..." (a known failure: its name matches a pattern listed in tests/hostile.sh) or
# "XPASS pattern" (a known-failure pattern that no check matches with a failure any more).  A failure is attributed: the check is run again on cases with one field
# hostile at a time, then one copy, so its message names the field and the corpus string.
import csv
import fnmatch
import html.parser
import io
import json
import urllib.parse
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

PLANC = os.path.abspath(os.environ.get("PLANC", "./planc"))
OUT = os.path.abspath(os.path.join(os.environ.get("OUT", "tests/out"), "hostile"))
KNOWN = [p for p in os.environ.get("HOSTILE_KNOWN_FAILURES", "").split("\n") if p.strip()]
PERIOD = "2019/20"
ATTRIBUTION_BUDGET = float(os.environ.get("HOSTILE_ATTRIBUTION", "40"))   # seconds spent, in all, finding what leaked
deadline = [0.0]


def run(args, **kw):
    """Runs a command (bytes arguments allowed); its status, standard output and standard error."""
    env = dict(os.environ)
    env.pop("OUT", None)
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, env=env, **kw)
    return p.returncode, p.stdout, p.stderr


def planc(*args):
    return run([PLANC] + [a if isinstance(a, bytes) else str(a) for a in args])


# ---- the validators: each returns a list of problems (empty when the output is good) ----

def show(data, at, width=60):
    return repr(data[max(0, at - 20):at + width])


def text_problems(data, what):
    """Text for a terminal or a file: valid UTF-8 and no control character but line feed and tab."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s is not valid UTF-8 at byte %d: %s" % (what, e.start, show(data, e.start))]
    for i, ch in enumerate(text):
        o = ord(ch)
        if (o < 0x20 and ch not in "\n\t") or 0x7F <= o <= 0x9F:
            return ["%s holds control character U+%04X: %r" % (what, o, text[max(0, i - 30):i + 30])]
    return []


def json_problems(data, what):
    try:
        return [] if json.loads(data.decode("utf-8")) is not None else [what + " is null"]
    except (UnicodeDecodeError, ValueError) as e:
        return ["%s does not parse as JSON: %s" % (what, str(e)[:200])]


csv.field_size_limit(sys.maxsize)


def csv_problems(data, what):
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as e:
        return ["%s does not parse as CSV: %s" % (what, e)]
    if not rows:
        return [what + " is empty"]
    problems = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(rows[0]):
            problems.append("%s row %d has %d fields, the header %d: %r" % (what, n, len(row), len(rows[0]), row[:3]))
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"[-+]?[0-9.,]+%?", cell):
                problems.append("%s row %d: cell %r would run as a spreadsheet formula" % (what, n, cell[:40]))
    return problems[:3]


def md_cells(line):
    """The cells of a Markdown table row: split at | not escaped by a backslash and not in code."""
    cells, cur, i, code = [], "", 0, False
    while i < len(line):
        c = line[i]
        if c == "\\" and not code and i + 1 < len(line):
            cur += line[i:i + 2]
            i += 2
            continue
        if c == "`":
            code = not code
        if c == "|" and not code:
            cells.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    cells.append(cur)
    return cells[1:-1] if line.startswith("|") else cells


def md_problems(data, what):
    problems = text_problems(data, what)
    if problems:
        return problems
    header = None
    for n, line in enumerate(data.decode("utf-8").split("\n"), 1):
        plain = re.sub(r"`[^`]*`", "", line)
        if re.search(r"(?<!\\)<", plain):
            problems.append("%s line %d has a raw '<': %r" % (what, n, line[:80]))
        if line.startswith("|"):
            cells = len(md_cells(line))
            if header is None:
                header = cells
            elif cells != header:
                problems.append("%s line %d: a table row of %d cells, the header %d: %r" % (what, n, cells, header, line[:80]))
        else:
            header = None
    return problems[:3]


def xmllint_problems(path, what, html=False):
    """xmllint --noout; for HTML, its HTML 4 parser's "Tag figure invalid" on HTML5 elements is no error."""
    plain = os.path.join(OUT, "lint.html" if html else "lint.xml")   # messages quote the path: a plain one
    shutil.copyfile(path, plain)
    status, out, err = run(["xmllint", "--noout"] + (["--html"] if html else []) + [plain])
    errors = err.decode("utf-8", "replace")
    if html:
        errors = "\n".join(e for e in re.split(r"\n(?=\S[^\n]*:\d+: )", errors)
                           if e.strip() and not re.search(r"HTML parser error : Tag \w+ invalid", e))
        status = 0 if not errors else status
    if status != 0 or errors.strip():
        return ["%s: xmllint%s reports %s" % (what, " --html" if html else "", errors[:300])]
    return []


class DomScan(html.parser.HTMLParser):
    """The elements of a DOM that run or load something: script, img, iframe, on* attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.found.append("<%s>" % tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append("<%s %s=%r>" % (tag, name, (value or "")[:40]))


def chromium_problems(path, what):
    """The page in headless Chromium: no console error, and nothing in the DOM that runs or loads."""
    if not shutil.which("chromium"):
        return ["chromium is not installed (make deps installs it)"]
    plain = os.path.join(OUT, "page.html")      # a plain name: what is tested here is the content
    shutil.copyfile(path, plain)
    profile = os.path.join(OUT, "chromium-profile")
    shutil.rmtree(profile, ignore_errors=True)
    status, dom, log = run(["timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                            "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + plain])
    problems = []
    errs = [ln for ln in log.decode("utf-8", "replace").split("\n") if re.search(r"CONSOLE\(|Uncaught|SyntaxError", ln)]
    if errs:
        problems.append("%s: console error in Chromium: %s" % (what, errs[0][:200]))
    dom = dom.decode("utf-8", "replace")
    if "<body" not in dom:
        problems.append("%s: Chromium gave no DOM (status %d)" % (what, status))
    scan = DomScan()
    scan.feed(dom)
    if scan.found:
        problems.append("%s: injected markup in Chromium's DOM: %s" % (what, ", ".join(scan.found[:3])))
    return problems


# ---- the generated inputs of one case ----

class Files:
    """A case's files: plan, erroneous plan, include, results files and an output directory, under
    directories and names with hostile characters (unless masked)."""

    def __init__(self, corpus, k, mask=None, tag="full"):
        self.case = gen.Case(corpus, k, mask)
        self.errors_case = gen.Case(corpus, k, mask)
        self.new_case = gen.Case(corpus, k, mask, shift=1)
        part = self.case.path_part
        root = os.path.join(OUT.encode(), b"%d-%s" % (k, tag.encode()))
        shutil.rmtree(root, ignore_errors=True)
        self.dir = os.path.join(root, part("path.dir"))
        inc_part = self.include_part(part("path.include"))
        self.out = os.path.join(self.dir, part("path.output"))
        os.makedirs(os.path.join(self.dir, inc_part), exist_ok=True)
        os.makedirs(self.out, exist_ok=True)
        include = (inc_part + b"/inc.plan").decode("utf-8")
        self.plan = os.path.join(self.dir, b"./" + part("path.plan") + b".plan")
        self.errors = os.path.join(self.dir, b"errors " + part("path.plan") + b".plan")
        self.new = os.path.join(self.dir, b"new " + part("path.plan") + b".plan")
        self.results = os.path.join(self.dir, part("path.results") + b".csv")
        self.bad_results = os.path.join(self.dir, b"bad " + part("path.results") + b".csv")
        self.nul_results = os.path.join(self.dir, b"nul " + part("path.results") + b".csv")
        write(self.plan, self.case.plan_text(include))
        write(os.path.join(self.dir, inc_part, b"inc.plan"), self.case.include_text())
        write(self.errors, self.errors_case.plan_text(include, errors=True))
        write(self.new, self.new_case.plan_text(include))
        write(self.results, self.case.results_good())
        write(self.bad_results, self.case.results_bad())
        write(self.nul_results, self.case.results_nul())

    @staticmethod
    def include_part(part):
        """An include path is a plan string: UTF-8 with no control character but the \\n escape."""
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError:
            return b"include_" + part.hex().encode()
        if any(ord(c) < 0x20 and c != "\n" for c in text):
            return b"include_" + part.hex().encode()
        return part

    def o(self, name):
        return os.path.join(self.out, name.encode())

    def placed(self):
        p = {}
        for c in (self.case, self.errors_case, self.new_case):
            p.update(c.placed)
        return p

    def fields(self):
        names = []
        for c in (self.case, self.errors_case, self.new_case):
            names += [f for f in c.fields if f not in names]
        return names


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- the checks: each runs commands on a case's files and returns the problems ----

def expect(status, want, what, err=b""):
    if status in want:
        return []
    return ["%s exited with %d (expected %s): %s" % (what, status, "/".join(map(str, want)),
                                                       err.decode("utf-8", "replace")[:200])]


def diagnostics_problems(fmt, out, err, what, json_out):
    """Problems with diagnostics printed in fmt (json_out: the same diagnostics as JSON, to count)."""
    if fmt == "text":
        return text_problems(out + err, what)
    if fmt == "json":
        return json_problems(out, what)
    if fmt == "sarif":
        p = json_problems(out, what)
        if not p and os.path.isdir("tests/sarif/node_modules"):
            path = os.path.join(OUT, "diagnostics.sarif")
            write(path, out)
            s2, o2, e2 = run(["node", "tests/sarif/validate.js", path])
            if s2 != 0:
                p.append("%s: not valid against the SARIF schema: %s" % (what, (o2 + e2).decode("utf-8", "replace")[:200]))
        return p
    # github: one line per diagnostic, each a workflow command
    p = text_problems(out, what)
    lines = [ln for ln in out.decode("utf-8", "replace").split("\n") if ln]
    for ln in lines:
        if not ln.startswith("::"):
            p.append("%s: a line that is no workflow command: %r" % (what, ln[:80]))
            break
    try:
        count = len(json.loads(json_out.decode("utf-8")))
    except ValueError:
        count = -1
    commands = [ln for ln in lines if re.match(r"::(error|warning|notice)\b", ln)]
    if len(commands) != count or len(lines) != count:
        p.append("%s: %d lines, %d commands for %d diagnostics" % (what, len(lines), len(commands), count))
    return p


def check_check(f, fmt, errors):
    plan = f.errors if errors else f.plan
    what = "check --diagnostics-format=%s%s" % (fmt, " (plan with errors)" if errors else "")
    s, out, err = planc("check", "--color=never", "--max-errors=0", "--diagnostics-format=" + fmt, plan)
    js = planc("check", "--max-errors=0", "--diagnostics-format=json", plan)[1] if fmt == "github" else b""
    return expect(s, [1] if errors else [0], what, err) + diagnostics_problems(fmt, out, err, what, js)


def check_summary(f):
    s, out, err = planc("check", "--summary", "--color=never", f.plan)
    return expect(s, [0], "check --summary", err) + text_problems(out + err, "check --summary")


VALIDATE = {"text": text_problems, "csv": csv_problems, "json": json_problems, "md": md_problems}


def check_eval(f, fmt, audit=False):
    what = "eval --format %s%s" % (fmt, " --audit" if audit else "")
    args = ["eval", f.plan, "--results", f.results, "--period", PERIOD, "--format", fmt] + (["--audit"] if audit else [])
    s, out, err = planc(*args)
    return expect(s, [0], what, err) + VALIDATE[fmt](out, what) + text_problems(err, what + " (standard error)")


def check_eval_html(f, browser):
    what = "eval --format html --map"
    svg, html = f.o("map.svg"), f.o("report.html")
    s, _, err = planc("map", f.plan, "--results", f.results, "--period", PERIOD, "-o", svg)
    p = expect(s, [0], "map --results", err)
    s, _, err = planc("eval", f.plan, "--results", f.results, "--period", PERIOD, "--format", "html", "--map", svg, "-o", html)
    p += expect(s, [0], what, err)
    if p:
        return p
    p += xmllint_problems(html, what, html=True)
    if browser:
        p += chromium_problems(html, what)
    return p


def check_eval_xlsx(f):
    """The report as a workbook, read back by openpyxl (Debian's /usr/bin/python3 has it, this one may
    not): every hostile string of the JSON report comes back exactly (cut with "…" past Excel's 32,767
    characters), none as a formula (tests/report_xlsx/check.py)."""
    what = "eval --format xlsx"
    if subprocess.run(["/usr/bin/python3", "-c", "import openpyxl"], stderr=subprocess.DEVNULL).returncode != 0:
        return []   # skipped: no openpyxl
    xlsx, js = f.o("report.xlsx"), f.o("report.json")
    args = ["eval", f.plan, "--results", f.results, "--period", PERIOD]
    s, _, err = planc(*(args + ["--format", "xlsx", "-o", xlsx]))
    p = expect(s, [0], what, err) + text_problems(err, what + " (standard error)")
    s, _, err = planc(*(args + ["--format", "json", "-o", js]))
    p += expect(s, [0], "eval --format json", err)
    if p:
        return p
    checker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "report_xlsx", "check.py")
    s, out, err = run(["/usr/bin/python3", checker, "hostile", xlsx, js])
    lines = out.decode("utf-8", "replace").split("\n")
    if s != 0 or not any(ln.startswith("PASS ") for ln in lines):
        return ["%s: %s" % (what, (out + err).decode("utf-8", "replace")[-300:])]
    return []


def check_bad_results(f, which, fmt="text"):
    path = f.bad_results if which == "bad" else f.nul_results
    what = "eval with a %s results file, diagnostics as %s" % ("hostile, erroneous" if which == "bad" else "NUL-holding", fmt)
    args = ["eval", f.plan, "--results", path, "--period", PERIOD, "--color=never"]
    s, out, err = planc(*(args + ["--diagnostics-format=" + fmt]))
    js = planc(*(args + ["--diagnostics-format=json"]))[1] if fmt == "github" else b""
    return expect(s, [1], what, err) + diagnostics_problems(fmt, out, err, what, js)


def cc_problems(src, what, incdir=None):
    p = []
    for cc in ("gcc", "clang"):
        if not shutil.which(cc):
            continue
        args = [cc, "-std=c11", "-Wall", "-Werror", "-pedantic", "-Iruntime", "-c", src, "-o", f_obj()]
        if incdir:
            args.insert(1, b"-I" + incdir)
        s, out, err = run(args)
        if s != 0 or out or err:
            p.append("%s: %s -std=c11 -Wall -Werror -pedantic says: %s" % (what, cc, (out + err).decode("utf-8", "replace")[:300]))
    return p


def f_obj():
    return os.path.join(OUT, "gen.o")


def check_compile(f, library):
    what = "compile" + (" --library" if library else "")
    src = f.o("library.c" if library else "eval.c")
    s, out, err = planc(*(["compile", f.plan, "-o", src] + (["--library"] if library else [])))
    p = expect(s, [0], what, err)
    return p or cc_problems(src, what, f.out)


def check_build(f):
    exe = f.o("evaluator")
    s, out, err = planc("build", f.plan, "-o", exe)
    p = expect(s, [0], "build", err)
    if p:
        return p
    for fmt, extra in (("text", []), ("csv", []), ("json", []), ("md", []), ("html", []), ("json", ["--audit"])):
        opts = ["--results", f.results, "--period", PERIOD, "--format", fmt] + extra
        want = planc(*(["eval", f.plan] + opts))
        got = run([exe] + opts)
        if want != got:
            p.append("build: the evaluator's --format %s%s differs from planc eval's (status %d/%d)"
                     % (fmt, " --audit" if extra else "", want[0], got[0]))
    return p


def check_map(f, fmt):
    path = f.o("map." + fmt)
    s, out, err = planc("map", f.plan, "-T", fmt, "-o", path)
    p = expect(s, [0], "map -T " + fmt, err)
    if p:
        return p
    if fmt == "svg":
        return xmllint_problems(path, "map -T svg")
    if fmt == "png":
        return [] if read(path)[:8] == b"\x89PNG\r\n\x1a\n" else ["map -o x.png: not a PNG"]
    s, out, err = run(["dot", "-Tcanon", path])
    if s != 0 or err.strip():
        return ["map -T dot: dot -Tcanon does not re-read it: %s" % err.decode("utf-8", "replace")[:200]]
    return []


def check_template(f):
    path = f.o("template.csv")
    s, out, err = planc("template", f.plan, "--period", PERIOD, "-o", path)
    p = expect(s, [0], "template", err)
    return p or csv_problems(read(path), "template")


TEMPLATE_XLSX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "template_xlsx.py")


def check_template_xlsx(f):
    """The workbook template opens in openpyxl (Debian's, /usr/bin/python3) and its data sheets hold
    exactly the CSV template's strings, row for row; skipped when that Python has no openpyxl."""
    book, path = f.o("template.xlsx"), f.o("template-x.csv")
    s, out, err = planc("template", f.plan, "--period", PERIOD, "-o", book)
    p = expect(s, [0], "template -o x.xlsx", err)
    s, out, err = planc("template", f.plan, "--period", PERIOD, "-o", path)
    p += expect(s, [0], "template", err)
    if p:
        return p
    s, out, err = run(["/usr/bin/python3", TEMPLATE_XLSX, "rows", book, path])
    if s == 3:
        return []
    return [line for line in out.decode("utf-8", "replace").splitlines() if line.startswith("FAIL")] or \
        ([] if s == 0 else ["template_xlsx.py: status %d: %s" % (s, err.decode("utf-8", "replace")[-300:])])


def check_fmt(f):
    s, out, err = planc("fmt", f.plan)
    p = expect(s, [0], "fmt", err) + text_problems(out, "fmt")
    if p:
        return p
    formatted = os.path.join(f.dir, b"fmt.plan")
    write(formatted, out)
    s, out2, err = planc("check", "--color=never", formatted)
    if s != 0:
        p.append("fmt: its output does not check clean: %s" % (out2 + err).decode("utf-8", "replace")[:300])
    s, again, err = planc("fmt", formatted)
    if again != out:
        p.append("fmt: its output is not a fixed point of fmt")
    return p


def lsp_session(messages):
    """Runs planc lsp on the framed messages (initialize first, shutdown and exit added): each message
    it wrote as bytes, then a problem list (its exit status, a framing mistake)."""
    msgs = [{"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}] + messages + \
        [{"jsonrpc": "2.0", "id": 99999, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
    data = b"".join(b"Content-Length: %d\r\n\r\n" % len(b) + b
                    for b in (json.dumps(m).encode() for m in msgs))
    s, out, err = run([PLANC, "lsp"], input=data)
    bodies, problems = [], expect(s, [0], "lsp", err)
    while out:
        head, sep, rest = out.partition(b"\r\n\r\n")
        if not sep or not head.startswith(b"Content-Length: "):
            problems.append("lsp: unframed output %r" % out[:80])
            break
        n = int(head.split(b":")[1])
        bodies.append(rest[:n])
        out = rest[n:]
    return bodies, problems


def check_lsp(f):
    """planc lsp on the plan and on the plan with errors: every message is JSON; the diagnostics,
    the outline's names and the hover on every symbol (Markdown) are clean."""
    problems = []
    for path in (f.plan, f.errors):
        uri = "file://" + urllib.parse.quote(path)
        text = read(path).decode("utf-8", "replace")
        opened = [{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plan", "version": 1, "text": text}}},
            {"jsonrpc": "2.0", "id": 1, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}}]
        bodies, p = lsp_session(opened)
        problems += p
        symbols, starts = [], []
        for b in bodies:
            problems += json_problems(b, "lsp")
            msg = json.loads(b.decode("utf-8", "replace") or "null") or {}
            if msg.get("method") == "textDocument/publishDiagnostics":
                for d in msg["params"]["diagnostics"]:
                    problems += text_problems(d["message"].encode(), "lsp diagnostic")
            if msg.get("id") == 1 and isinstance(msg.get("result"), list):
                symbols = list(msg["result"])
        while symbols:
            sym = symbols.pop()
            symbols += sym.get("children", [])
            problems += text_problems(sym["name"].encode(), "lsp outline name")
            starts.append(sym["selectionRange"]["start"])
        hovers = [{"jsonrpc": "2.0", "id": 10 + i, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": pos}} for i, pos in enumerate(starts)]
        bodies, p = lsp_session(opened[:1] + hovers)
        problems += p
        for b in bodies:
            msg = json.loads(b.decode("utf-8", "replace")) if not json_problems(b, "lsp") else {}
            contents = (msg.get("result") or {}).get("contents") if isinstance(msg.get("result"), dict) else None
            if contents:
                problems += md_problems(contents["value"].encode(), "lsp hover")
        if not starts and path == f.plan:
            problems.append("lsp: the outline of the plan is empty")
    return problems[:3]


def check_diff(f, fmt):
    what = "diff --format " + fmt
    s, out, err = planc("diff", f.plan, f.new, "--format", fmt)
    return expect(s, [1], what, err) + VALIDATE[fmt](out, what) + text_problems(err, what + " (standard error)")


# Chromium is slow to start, the library's C is the main C less main(), a PNG is the SVG's layout:
# they run on the first plan only
SLOW = ("eval --format html in Chromium", "compile --library", "map -o x.png")


def checks(k):
    """Every command and format, as (name, function of the case's files)."""
    c = []
    for fmt in ("text", "json", "sarif", "github"):
        c.append(("check --diagnostics-format=%s" % fmt, lambda f, fmt=fmt: check_check(f, fmt, False)))
        c.append(("check --diagnostics-format=%s, plan with errors" % fmt, lambda f, fmt=fmt: check_check(f, fmt, True)))
    c.append(("check --summary", check_summary))
    for fmt in ("text", "csv", "json", "md"):
        c.append(("eval --format " + fmt, lambda f, fmt=fmt: check_eval(f, fmt)))
    c.append(("eval --audit", lambda f: check_eval(f, "text", True)))
    c.append(("eval --format xlsx, read back by openpyxl", check_eval_xlsx))
    c.append(("eval --format html --map, xmllint", lambda f: check_eval_html(f, False)))
    c.append(("eval --format html in Chromium", lambda f: check_eval_html(f, True)))
    for fmt in ("text", "json", "sarif", "github"):
        c.append(("eval, results with errors, --diagnostics-format=" + fmt, lambda f, fmt=fmt: check_bad_results(f, "bad", fmt)))
    c.append(("eval, results with a NUL", lambda f: check_bad_results(f, "nul")))
    c.append(("compile", lambda f: check_compile(f, False)))
    c.append(("compile --library", lambda f: check_compile(f, True)))
    c.append(("build", check_build))
    c.append(("map -T svg", lambda f: check_map(f, "svg")))
    c.append(("map -T dot", lambda f: check_map(f, "dot")))
    c.append(("map -o x.png", lambda f: check_map(f, "png")))
    c.append(("template", check_template))
    c.append(("template -o x.xlsx, openpyxl", check_template_xlsx))
    c.append(("fmt", check_fmt))
    c.append(("lsp: diagnostics, outline, hover", check_lsp))
    c.append(("diff --format text", lambda f: check_diff(f, "text")))
    c.append(("diff --format md", lambda f: check_diff(f, "md")))
    return c


# ---- attribution: which field and which corpus string make a check fail ----

def attribute(corpus, k, fn, full):
    """The fields, and in them the corpus strings, that alone make fn fail."""
    if time.time() > deadline[0]:
        return "(not attributed: the time for attribution is spent)"
    found = []
    for field in full.fields() + ["path.dir", "path.plan", "path.include", "path.results", "path.output"]:
        if time.time() > deadline[0]:
            break
        one = Files(corpus, k, lambda fl, j, field=field: fl == field, "attr")
        if not fn(one):
            continue
        strings = []
        if field.startswith("path."):
            strings.append(repr(one.case.path_part(field)))
        else:
            for j in range(gen.Case.COPIES):
                alone = Files(corpus, k, lambda fl, jj, field=field, j=j: fl == field and jj == j, "attr")
                if fn(alone):
                    h = alone.placed().get((field, j))
                    if h:
                        strings.append(h.label)
        found.append("field %s%s" % (field, (" with " + ", ".join(strings)) if strings else ""))
    return "leaks: " + "; ".join(found) if found else "(no single field makes it fail alone)"


def main():
    os.makedirs(OUT, exist_ok=True)
    corpus = gen.load_corpus()
    deadline[0] = time.time() + ATTRIBUTION_BUDGET
    report = lambda verdict, name, detail="": print("%s %s%s" % (verdict, name, (": " + detail) if detail else ""), flush=True)

    # the generator covers what the sources define, so a new string field without a test fails here
    print("PASS corpus has %d strings" % len(corpus) if len(corpus) >= 50 else "FAIL corpus has only %d strings" % len(corpus))
    probe = gen.Case(corpus, 0)
    probe.plan_text("x.plan", errors=True)
    for sig in sorted(gen.grammar_string_statements()):
        if sig in probe.signatures:
            report("PASS", "grammar statement '%s' is given hostile strings" % sig)
        else:
            report("FAIL", "grammar statement '%s' is given hostile strings" % sig,
                   "grammar/parser.y has a statement carrying a string that tests/hostile/gen.py does not write")
    for col in gen.results_columns():
        if col in gen.Case.COLUMNS:
            report("PASS", "results column '%s' is given hostile values" % col)
        else:
            report("FAIL", "results column '%s' is given hostile values" % col,
                   "runtime/results.c reads a column that tests/hostile/gen.py does not write")

    plans = (len(corpus) + gen.Case.COPIES - 1) // gen.Case.COPIES
    still_failing = set()
    only = os.environ.get("HOSTILE_ONLY")
    for k in range(plans):
        files = Files(corpus, k)
        for name, fn in checks(k):
            if only and only not in name:
                continue
            if k != 0 and name in SLOW:        # one plan is enough for what does not depend on the strings
                continue
            full = "hostile plan %d: %s" % (k, name)
            started = time.time()
            problems = fn(files)
            if os.environ.get("HOSTILE_TIMES"):
                print("TIME %.2f %s" % (time.time() - started, full), flush=True)
            known = [pat for pat in KNOWN if fnmatch.fnmatchcase(full, pat)]
            if not problems:
                report("PASS", full)
            elif known:
                still_failing.update(known)
                report("XFAIL", full, problems[0])
            else:
                report("FAIL", full, " | ".join(problems[:3]) + " -- " + attribute(corpus, k, fn, files))
    if not only:
        for pat in KNOWN:
            if pat not in still_failing:
                report("XPASS", pat)


if __name__ == "__main__":
    main()
