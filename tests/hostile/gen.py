# The inputs of the hostile-string test (tests/hostile.sh): the corpus, the statements of the plan
# language and the columns of a results file as the sources define them, and the generator of
# kitchen-sink plans, results files and file names that put corpus strings in every one of them.
import os
import re

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


# ---- the corpus ----

class Hostile:
    """One corpus string: its bytes, its text (None when it is not UTF-8), its tags and a short label."""

    def __init__(self, index, tags, raw):
        self.index = index
        self.tags = set(tags)
        self.bytes = raw
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.text = None
        shown = raw[:40].decode("utf-8", "backslashreplace")
        self.label = "corpus #%d %r%s" % (index, shown, "..." if len(raw) > 40 else "")


def load_corpus(path=os.path.join(ROOT, "tests", "hostile", "corpus.txt")):
    corpus = []
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            tags, text = line.split("\t", 1)
            tags = [] if tags == "-" else tags.split(",")
            m = re.match(r"@repeat (\d+) (.*)$", text)
            count, text = (int(m.group(1)), m.group(2)) if m else (1, text)
            decoded = text.encode("ascii").decode("unicode_escape")
            raw = decoded.encode("latin-1") if "bytes" in tags else decoded.encode("utf-8")
            corpus.append(Hostile(len(corpus), tags, raw * count))
    return corpus


# ---- what the sources say carries a string ----

def grammar_string_statements(path=os.path.join(ROOT, "grammar", "parser.y")):
    """Every alternative of the statement rules (decl_head, stmt) whose symbols can derive a STRING,
    as its symbols joined by spaces: the list a new string-carrying statement lands in."""
    text = open(path, encoding="utf-8").read()
    rules_text = text.split("\n%%\n")[1]
    rules_text = re.sub(r"/\*.*?\*/", " ", rules_text, flags=re.S)
    rules = {}
    i, n = 0, len(rules_text)
    current, alt = None, []
    tokens = []
    while i < n:                      # tokens: symbols, ':', '|', ';', with actions skipped
        c = rules_text[i]
        if c == "{":
            depth = 0
            while i < n:
                if rules_text[i] in "\"'":
                    q = rules_text[i]
                    i += 1
                    while i < n and rules_text[i] != q:
                        i += 2 if rules_text[i] == "\\" else 1
                elif rules_text[i] == "{":
                    depth += 1
                elif rules_text[i] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            i += 1
        elif c == "'":
            j = rules_text.index("'", i + 1)
            tokens.append(rules_text[i:j + 1])
            i = j + 1
        elif c in ":|;":
            tokens.append(c)
            i += 1
        elif c.isspace():
            i += 1
        else:
            m = re.match(r"[%A-Za-z_][A-Za-z0-9_.]*|<[^>]*>", rules_text[i:])
            tokens.append(m.group(0))
            i += m.end()
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt == ":" and tok not in ":|;":
            current, alt = tok, []
            rules[current] = [alt]
        elif tok == ":":
            continue
        elif tok == "|":
            alt = []
            rules[current].append(alt)
        elif tok == ";":
            current = None
        elif current and not tok.startswith("<") and tok != "%empty":
            alt.append(tok)
    structure = {"block", "skipped_block", "stmts", "stmt", "decl_head", "rating_head"}
    carries = {"STRING"}
    changed = True
    while changed:
        changed = False
        for name, alts in rules.items():
            if name in carries or name in structure:
                continue
            if any(sym in carries for a in alts for sym in a):
                carries.add(name)
                changed = True
    found = set()
    for rule in ("decl_head", "stmt"):
        for a in rules[rule]:
            if any(sym in carries for sym in a):
                found.add(" ".join(a))
    return found


def results_columns(path=os.path.join(ROOT, "runtime", "results.c")):
    """The fixed columns of a results file, from the reader's table."""
    text = open(path, encoding="utf-8").read()
    m = re.search(r"column_names\[[A-Z_]*\]\s*=\s*\{(.*?)\};", text, re.S)
    return re.findall(r'"([^"]*)"', m.group(1))


# ---- the file names ----

# Path components with hostile characters (Linux allows any byte but '/' and NUL); one per plan, in turn.
PATH_PARTS = [
    b"line\nbreak", b"quote\"and'apostrophe", b"*/ close comment /*", b"::error::x", b"%0A%25 percent",
    b"with spaces  two", b"-leading dash", b"\xc3\xa9\xe2\x82\xac \xe2\x80\xae rtl", b"invalid \xff\xfe bytes",
    b"$(id) `id` ;|&<>", b"\x1b[31mesc\x07", b"back\\slash", b"cr\rreturn", b"=1+2,comma",
]


# ---- the generated inputs ----

NAME, REF, TEXT = "name", "ref", "text"


def fits(h, kind):
    """Whether corpus string h can go in a plan field of this kind."""
    if h.tags & {"ctl", "bytes"}:
        return False
    if kind == TEXT:
        return True
    if h.tags & {"nl", "long"}:
        return False
    if kind == REF:                   # results files give a reference trimmed
        return h.text.strip() == h.text != ""
    return True


def plan_quote(text):
    """A plan string literal holding text (which fits the plan language)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def csv_field(data):
    return b'"' + data.replace(b'"', b'""') + b'"'


class Case:
    """The hostile strings of one generated plan: plan k takes, in the j-th copy of the kitchen sink,
    corpus string (k * COPIES + j + field number) mod N (the next that fits the field), so across the
    plans every string lands in every field it fits.  mask(field, j) says whether that field of copy j is
    hostile or plain: the attribution of a failure regenerates a case with one field hostile."""

    COPIES = 10

    def __init__(self, corpus, k, mask=None, shift=0):
        self.corpus, self.k, self.shift = corpus, k, shift
        self.mask = mask or (lambda field, j: True)
        self.fields = {}              # field name -> its number, in order of first use
        self.placed = {}              # (field, j) -> corpus string placed there
        self.signatures = set()       # the grammar alternatives the plan used with a string
        self.used_refs = set()

    def pick(self, field, kind, j):
        f = self.fields.setdefault(field, len(self.fields))
        if not self.mask(field, j):
            return None
        n = len(self.corpus)
        start = (self.k * self.COPIES + j + f + self.shift) % n
        for step in range(n):
            h = self.corpus[(start + step) % n]
            if fits(h, kind) and (kind != REF or h.text not in self.used_refs):
                self.placed[(field, j)] = h
                return h
        raise AssertionError("no corpus string fits " + field)

    def s(self, field, kind, j):
        """The literal for a plan field: a corpus string, or a plain one."""
        h = self.pick(field, kind, j)
        if h is None:
            text = "plain %s %d" % (field, j)
        else:
            text = h.text
        if kind == REF:
            self.used_refs.add(text)
        return plan_quote(text), text

    def raw(self, field, j, allow=("ctl", "bytes", "nl", "long"), plain=b"plain"):
        """The bytes for a results-file field or a path: any corpus string whose tags are allowed."""
        f = self.fields.setdefault(field, len(self.fields))
        if not self.mask(field, j):
            return plain + b" %d" % j
        n = len(self.corpus)
        start = (self.k * self.COPIES + j + f + self.shift) % n
        for step in range(n):
            h = self.corpus[(start + step) % n]
            if h.tags <= set(allow) and h.bytes.strip():   # a blank reason is no reason
                self.placed[(field, j)] = h
                return h.bytes
        raise AssertionError("no corpus string fits " + field)

    def use(self, sig):
        self.signatures.add(sig)

    # -- the plan --

    def copy_text(self, j, errors):
        """The j-th copy of the kitchen sink: every statement that carries a string, each string hostile."""
        L = []
        q = lambda field, kind: self.s(field, kind, j)[0]
        self.use("KW_RATING IDENT STRING")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_AT value opt_if band_attrs")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_OTHERWISE opt_if band_attrs")
        self.use("KW_BAND IDENT opt_note opt_abbrev if_cond band_attrs")
        L.append("rating rag_%d %s {" % (j, q("rating.name", NAME)))
        L.append("    method achievement")
        L.append("    band green_%d %s (G) at 100%%" % (j, q("band.label", NAME)))
        L.append("    band amber_%d %s (A) at 90%% if improving or same" % (j, q("band.label.2", NAME)))
        L.append("    band watch_%d %s (W) if not worsening against previous" % (j, q("band.label.2", NAME)))
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_MONITOR band_attrs")
        L.append('    band grey_%d "<b>&\\"M" (M) monitor symbol "<&>"' % j)   # literal: the fields' strings stay in step
        L.append("    band red_%d %s (R) otherwise" % (j, q("band.label.3", NAME)))
        L.append("}")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_WITHIN value opt_if band_attrs")
        L.append("rating pts_%d %s {" % (j, q("rating.name.points", NAME)))
        L.append("    method points")
        L.append("    band near_%d %s (N) within 0 pts" % (j, q("band.label.within", NAME)))
        L.append("    band far_%d %s (F) within 5 pts" % (j, q("band.label.within.2", NAME)))
        L.append("    band off_%d otherwise" % j)
        L.append("}")
        self.use("KW_BAND IDENT opt_note opt_abbrev band_edge opt_if band_attrs")
        L.append("rating edges_%d %s {" % (j, q("rating.name.edges", NAME)))
        L.append("    method achievement")
        L.append("    band top_%d %s (T) above tolerance" % (j, q("band.label.above_tolerance", NAME)))
        L.append("    band star_%d %s (S) above 110%%" % (j, q("band.label.above", NAME)))
        L.append("    band ok_%d %s (OK) per indicator" % (j, q("band.label.per_indicator", NAME)))
        L.append("    band near_%d %s (NE) within tolerance" % (j, q("band.label.within_tolerance", NAME)))
        L.append("    band low_%d %s (LO) per indicator" % (j, q("band.label.per_indicator.2", NAME)))
        L.append("    band bad_%d otherwise" % j)
        L.append("}")
        self.use("KW_BENCHMARK IDENT STRING")
        self.use("KW_SOURCE STRING")
        L.append("benchmark eng_%d %s { source %s }" % (j, q("benchmark.name", NAME), q("benchmark.source", NAME)))
        L.extend(self.delivery_schemes_text(j))
        self.use("KW_INPUT IDENT STRING")
        L.append("input pop_%d %s { unit count; source %s; description %s }"
                 % (j, q("input.name", NAME), q("input.source", NAME), q("input.description", TEXT)))
        self.use("KW_PILLAR IDENT STRING")
        self.use("KW_DESCRIPTION STRING")
        L.append("pillar p_%d %s {" % (j, q("pillar.name", NAME)))
        L.append("    description %s" % q("pillar.description", TEXT))
        self.use("KW_THEME IDENT STRING")
        self.use("KW_OWNER STRING")
        L.append("    theme t_%d %s {" % (j, q("theme.name", NAME)))
        L.append("        transformation")
        L.append("        description %s" % q("theme.description", TEXT))
        L.append("        owner %s" % q("theme.owner", NAME))
        self.use("KW_OUTCOME IDENT STRING")
        L.append("        outcome o_%d %s { description %s }" % (j, q("outcome.name", NAME), q("outcome.description", TEXT)))
        self.use("KW_CONTRIBUTES KW_TO names")
        L.append("        outcome o2_%d %s { contributes to o_%d }" % (j, q("outcome.name.2", NAME), j))
        self.use("KW_ACTIVITY IDENT STRING")
        self.use("KW_DELIVERS names")
        self.use("KW_PROGRESS STRING")
        L.append("        activity a_%d %s {" % (j, q("activity.name", NAME)))
        L.append("            delivers o_%d, o2_%d" % (j, j))
        L.append("            status on_track")
        L.append("            progress %s" % q("activity.progress", TEXT))
        L.append("            owner %s" % q("activity.owner", NAME))
        L.append("        }")
        L.extend(self.activities_text(j))
        ref_lit, ref = self.s("indicator.ref", REF, j)
        ref2_lit, ref2 = self.s("indicator.ref.2", REF, j)
        self.refs.append((j, ref, ref2))
        self.use("KW_INDICATOR IDENT STRING STRING")
        self.use("KW_MEASURES names")
        self.use("KW_COMMITTEE STRING")
        self.use("KW_BASELINE value KW_IN PERIOD opt_note")
        self.use("KW_TARGET target KW_IN PERIOD KW_WITHIN KW_CONFIDENCE KW_INTERVAL opt_note")
        self.use("KW_TARGET target KW_IN PERIOD opt_within opt_note opt_because")
        self.use("KW_AMEND PERIOD KW_TO target KW_FROM PERIOD KW_BECAUSE STRING")
        self.use("KW_REVISED KW_IN PERIOD KW_BECAUSE STRING")
        self.use("KW_BENCHMARK IDENT value KW_IN PERIOD opt_note")
        self.use("KW_RESULT value KW_IN PERIOD opt_rated opt_note")
        self.use("KW_RESULT value KW_IN PERIOD KW_INTERVAL value KW_TO value opt_rated opt_note")
        self.use("KW_RESULT value KW_IN PERIOD opt_rated KW_RESTATED KW_FROM value KW_BECAUSE STRING")
        self.use("KW_RESULT word KW_IN PERIOD opt_rated opt_note")
        L.append("        indicator i_%d %s %s {" % (j, ref_lit, q("indicator.name", NAME)))
        L.append("            kind kpi")
        L.append("            measures o_%d" % j)
        L.append("            polarity bigger")
        L.append("            unit percent")
        L.append("            frequency quarterly")
        L.append("            rating rag_%d" % j)
        L.append("            source %s" % q("indicator.source", NAME))
        L.append("            owner %s" % q("indicator.owner", NAME))
        L.append("            committee %s" % q("indicator.committee", NAME))
        L.append("            description %s" % q("indicator.description", TEXT))
        L.append("            tolerance 1 pts")
        L.append("            baseline 70%% in 2018/19 %s" % q("baseline.note", TEXT))
        L.append("            target 80%% in 2019/20 %s because %s" % (q("target.note", TEXT), q("target.reason", TEXT)))
        L.append("            target >= 82%% in 2020/21 within 1 pts %s" % q("target.note.within", TEXT))
        L.append("            target 81%% in 2019/20 Q2 within confidence interval %s" % q("target.note.interval", TEXT))
        L.append("            amend 2020/21 to 83%% from 2020/21 Q2 because %s" % q("amend.reason", TEXT))
        L.append("            revised in 2020/21 because %s" % q("revised.reason", TEXT))
        self.use("KW_EXPECT value KW_IN PERIOD opt_note")
        L.append('            expect 77% in 2019/20 Q3 "</td><script>&"' )
        L.append("            benchmark eng_%d 76.2%% in 2019/20 %s" % (j, q("benchmark.note", TEXT)))
        L.append("            result 74%% in 2018/19 rated amber_%d %s" % (j, q("result.note", TEXT)))
        L.append("            result 75%% in 2018/19 Q4 restated from 71%% because %s" % q("restated.reason", TEXT))
        L.append("            result 79%% in 2019/20 Q2 interval 77%% to 82%% rated amber_%d %s" % (j, q("result.note.interval", TEXT)))
        L.append("            result not_available in 2019/20 Q1 %s" % q("result.note.not_available", TEXT))
        L.append("        }")
        self.use("KW_INDICATOR STRING STRING")
        self.use("KW_UNIT STRING")
        L.append("        indicator %s %s {" % (ref2_lit, q("indicator.name.2", NAME)))
        L.append("            measures o_%d" % j)
        L.append("            polarity smaller")
        L.append('            unit %s' % q("indicator.unit", NAME))
        L.append("            frequency annual")
        L.append("            target <= 1000 in 2019/20 %s" % q("target.note.threshold", TEXT))
        L.append("        }")
        self.use("KW_THRESHOLD IDENT value opt_note")
        self.use("KW_THRESHOLD IDENT value KW_IN PERIOD opt_note")
        L.append("        indicator x_%d %s {" % (j, q("indicator.name.edges", NAME)))
        L.append("            measures o_%d" % j)
        L.append("            polarity bigger")
        L.append("            unit count")
        L.append("            rating edges_%d" % j)
        L.append("            tolerance 5% of target")
        L.append("            target 100 in 2019/20")
        L.append("            threshold ok_%d 100 %s" % (j, q("threshold.note", TEXT)))
        L.append("            threshold low_%d 80 in 2019/20 %s" % (j, q("threshold.note.dated", TEXT)))
        L.append("            result 104 in 2019/20")
        L.append("        }")
        self.use("KW_INDICATOR IDENT STRING")
        self.use("KW_FORMULA expr")
        L.append("        indicator d_%d %s {" % (j, q("indicator.name.derived", NAME)))
        L.append("            measures o2_%d" % j)
        L.append("            polarity bigger")
        L.append("            unit score")
        L.append("            rating pts_%d" % j)
        L.append("            formula %s / pop_%d * 1000 + %s / 100" % (ref2_lit, j, ref_lit))
        L.append("            target 40 in 2019/20")
        L.append("        }")
        if errors:
            # statements only an erroneous plan can hold with a string: references to nothing
            self.use("KW_INDICATOR STRING")
            L.append("        indicator %s { polarity bigger }" % q("error.indicator.name_only", NAME))
            L.append("        indicator e_%d %s {" % (j, q("error.indicator.name", NAME)))
            L.append("            measures %s" % q("error.measures", NAME))
            L.append("            polarity bigger")
            L.append("            formula %s * 2" % q("error.formula", NAME))
            L.append("        }")
            L.append("        activity ea_%d %s { delivers %s }" % (j, q("error.activity", NAME), q("error.delivers", NAME)))
            L.append("        outcome eo_%d %s { contributes to %s }" % (j, q("error.outcome", NAME), q("error.contributes", NAME)))
        L.append("    }")
        L.append("}")
        return L

    def delivery_schemes_text(self, j):
        """Two delivery schemes: one whose bands take states (every form of band rule), one of bands
        given by judgement only."""
        q = lambda field, kind: self.s(field, kind, j)[0]
        self.use("KW_DELIVERY IDENT STRING")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_WHEN words band_attrs")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_WHEN words KW_IMPACT words band_attrs")
        self.use("KW_BAND IDENT opt_note opt_abbrev KW_WHEN KW_IMPACT words band_attrs")
        self.use("KW_BAND IDENT opt_note opt_abbrev band_attrs")
        return ["delivery ds_%d %s {" % (j, q("delivery.name", NAME)),
                "    band met_%d %s (G) when not_started, on_track, complete colour green" % (j, q("delivery.band.label", NAME)),
                "    band low_%d %s (A) when delayed impact low" % (j, q("delivery.band.label.2", NAME)),
                "    band mid_%d %s (RA) when impact medium" % (j, q("delivery.band.label.3", NAME)),
                "    band high_%d %s (R) otherwise colour red" % (j, q("delivery.band.label.4", NAME)),
                "    overdue worsens 1",
                "}",
                "delivery dj_%d %s {" % (j, q("delivery.name.judged", NAME)),
                "    band good_%d %s colour green" % (j, q("delivery.band.label.judged", NAME)),
                "    band poor_%d %s" % (j, q("delivery.band.label.judged.2", NAME)),
                "}"]

    def activities_text(self, j):
        """Two activities of the theme: one with milestones, dated statuses and a count stated without
        its items; one rated by judgement."""
        q = lambda field, kind: self.s(field, kind, j)[0]
        self.use("KW_MILESTONE IDENT STRING opt_from KW_DUE when opt_completed")
        self.use("KW_STATUS word KW_IN PERIOD opt_at opt_impact opt_rated opt_note")
        self.use("KW_PROGRESS number_value KW_OF number_value KW_IN PERIOD opt_note")
        return ["        activity da_%d %s {" % (j, q("activity.name.delivery", NAME)),
                "            delivers o_%d" % j,
                "            delivery ds_%d" % j,
                "            description %s" % q("activity.description", TEXT),
                "            due 2020/21 Q4",
                "            milestone m1_%d %s from 2019/20 Q1 due 2019/20 Q3 completed 2019-12-02" % (j, q("milestone.name", NAME)),
                "            milestone m2_%d %s due 2020-06-30" % (j, q("milestone.name.2", NAME)),
                "            status on_track in 2019/20 Q1 at 10%% %s" % q("status.note", TEXT),
                "            status delayed in 2019/20 at 40%% impact low rated A %s" % q("status.note.2", TEXT),
                "            progress 3 of 5 in 2019/20 %s" % q("progress.what", TEXT),
                "        }",
                "        activity dj_act_%d %s {" % (j, q("activity.name.judged", NAME)),
                "            delivers o2_%d" % j,
                "            delivery dj_%d" % j,
                "            status good_%d in 2019/20 %s" % (j, q("status.note.judged", TEXT)),
                "        }"]

    def plan_text(self, include, errors=False):
        self.refs = []
        self.use("KW_INCLUDE STRING")
        self.use("KW_PLAN STRING")
        self.use("KW_ORGANISATION STRING")
        self.use("KW_VERSION STRING")
        L = ["# hostile plan %d: generated by tests/hostile/gen.py" % self.k,
             "include " + plan_quote(include), ""]
        L.append("plan %s {" % self.s("plan.name", NAME, 0)[0])
        L.append("    organisation %s" % self.s("plan.organisation", NAME, 0)[0])
        L.append("    version %s" % self.s("plan.version", NAME, 0)[0])
        L.append("    covers 2019/20 to 2020/21")
        L.append("    reported quarterly")
        L.append("    rating rag_0")
        L.append("    description %s" % self.s("plan.description", TEXT, 0)[0])
        L.append("}")
        for j in range(self.COPIES):
            L.extend(self.copy_text(j, errors))
        return ("\n".join(L) + "\n").encode("utf-8")

    def include_text(self):
        return ("input shared_pop %s { unit count; source %s }\n"
                % (self.s("include.input.name", NAME, 0)[0], self.s("include.input.source", TEXT, 0)[0])).encode("utf-8")

    # -- the results files --

    COLUMNS = ["ref", "period", "value", "rating", "override", "reason", "comment", "dot", "indicator", "unit",
               "target", "benchmark:eng_0", "restated", "provisional", "status", "impact", "completed", "lower", "upper"]
    # the hostile values a column takes in the good file (ref is the indicator's own reference)
    FREE = ("ctl", "nl", "long")

    def row(self, **cells):
        """A results row: the cells given by column name (benchmark for benchmark:eng_0), the rest empty."""
        names = [c.split(":")[0] for c in self.COLUMNS]
        return b",".join(cells.get(name, b"") for name in names)

    def delivery_rows_good(self, j):
        """The activities' returns: states, impacts and a completion date as the reader takes them, the
        commentary and the reasons hostile."""
        free = lambda col: csv_field(self.raw("results." + col, j, self.FREE))
        return [self.row(ref=b"da_%d" % j, period=b"2019/20 Q3", value=b"55%", status=b"delayed", impact=b"medium",
                         rating=b"RA", override=b"R", reason=free("reason.delivery"), comment=free("comment.delivery")),
                self.row(ref=b"da_%d.m2_%d" % (j, j), period=b"2019/20 Q3", status=b"complete", completed=b"2019-11-30",
                         comment=free("comment.milestone")),
                self.row(ref=b"dj_act_%d" % j, period=b"2019/20 Q3", status=b"poor_%d" % j,
                         comment=free("comment.judged"))]

    def delivery_rows_bad(self, j, bad):
        """Activity rows each wrong in one hostile delivery column."""
        rows = []
        for col in ("status", "impact", "completed"):
            cells = {"ref": b"da_%d" % j, "period": b"2019/20 Q%d" % (1 + j % 4), "status": b"delayed", col: bad(col)}
            rows.append(self.row(**cells))
        return rows

    def results_good(self):
        """Every row valid: the free-text columns hostile (raw controls and line breaks included), the
        references hostile, the rating columns and the direction of travel what the reader accepts."""
        rows = [",".join(self.COLUMNS).encode()]
        for j, ref, ref2 in self.refs:
            free = lambda col: csv_field(self.raw("results." + col, j, self.FREE))
            by = lambda r, ident: csv_field(r.encode() if r.strip() == r and j % 2 == 0 else ident.encode())
            rows.append(self.row(ref=by(ref, "i_%d" % j), period=b"2019/20", value=b"79.5%", rating=b"G", override=b"A",
                                 reason=free("reason"), comment=free("comment"), dot=b"improving",
                                 indicator=free("indicator"), unit=free("unit"), target=free("target"),
                                 benchmark=b"76" if j == 0 else b"", provisional=b"yes" if j % 2 == 0 else b"",
                                 lower=b"77%", upper=b"82%"))
            rows.append(self.row(ref=csv_field(ref2.encode()), period=b"2019/20", value=b"900", comment=free("comment.2")))
            rows.append(self.row(ref=b"pop_%d" % j, period=b"2019/20", value=b"45000"))
            # a restatement of the row above, its reason hostile
            rows.append(self.row(ref=csv_field(ref2.encode()), period=b"2019/20", value=b"901",
                                 restated=free("restated"), provisional=b"n"))
            rows.extend(self.delivery_rows_good(j))
        return b"\r\n".join(rows) + b"\r\n"

    def results_bad(self):
        """Every row wrong in one hostile column, so each error message quotes hostile text; some rows
        with invalid UTF-8."""
        rows = [",".join(self.COLUMNS).encode()]
        anyb = ("ctl", "nl", "long", "bytes")
        for j, ref, ref2 in self.refs:
            bad = lambda col: csv_field(self.raw("results.bad." + col, j, anyb if col != "ref" else self.FREE))
            for col in ("ref", "period", "value", "rating", "override", "dot", "benchmark:eng_0", "provisional",
                        "lower", "upper"):
                cells = {"ref": b"i_%d" % j, "period": b"2019/20", "value": b"79.5%", "lower": b"77%", "upper": b"82%"}
                cells[col.split(":")[0]] = bad(col)
                if col == "ref":
                    cells["period"] = b"2019/20 Q%d" % (1 + j % 4)
                rows.append(self.row(**cells))
            rows.extend(self.delivery_rows_bad(j, bad))
        return b"\n".join(rows) + b"\n"

    def results_nul(self):
        nul = [h for h in self.corpus if "nul" in h.tags][0].bytes
        return b"ref,period,value,comment\ni_0,2019/20,1%," + csv_field(nul) + b"\n"

    # -- the paths --

    def path_part(self, field):
        if not self.mask(field, 0):
            return b"plain_" + field.encode()
        return PATH_PARTS[(self.k + self.fields.setdefault(field, len(self.fields))) % len(PATH_PARTS)]
