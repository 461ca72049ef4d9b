#!/usr/bin/python3
# The workbooks of tests/xlsx_read.sh, written at test time into the folder given: real ones by
# openpyxl (the peer planc reads after), the parts openpyxl 3.0.9 cannot write (shared and rich
# strings, cached formula values, custom properties, strict namespaces, cells without r) and the
# hostile files by Python's zipfile.  Run with /usr/bin/python3 (Debian's, which has openpyxl).
import datetime
import io
import os
import random
import struct
import sys
import zipfile

import openpyxl

OUT = sys.argv[1]
ONLY = set(sys.argv[2:])   # names to make (all when none)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def path(name):
    return os.path.join(OUT, name)


def write_zip(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", compression) as z:
        for part, data in parts:
            z.writestr(part, data.encode("utf-8") if isinstance(data, str) else data)


def rewrite(src, dst, replace=None, add=None):
    """A copy of workbook src with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(path(src)) as zin, zipfile.ZipFile(path(dst), "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = replace.get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data.encode("utf-8") if isinstance(data, str) else data)
        for part, data in add.items():
            zout.writestr(part, data.encode("utf-8") if isinstance(data, str) else data)


def sheet_xml(rows, after="", ns=MAIN, head='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'):
    return f'{head}<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData>{after}</worksheet>'


def raw_book(name, sheets, strings=None, styles=None, workbook_pr="", ns=MAIN, rel_ns=REL,
             top_type=REL + "/officeDocument", absolute=False, extra=(), compression=zipfile.ZIP_DEFLATED):
    """A workbook made part by part: sheets is a list of (name, xml or None for a missing part, state)."""
    rels, entries, parts = [], [], []
    for i, (title, xml, state) in enumerate(sheets, 1):
        target = f"{'/xl/' if absolute else ''}worksheets/sheet{i}.xml"
        rels.append(f'<Relationship Id="rId{i}" Type="{rel_ns}/worksheet" Target="{target}"/>')
        st = f' state="{state}"' if state else ""
        entries.append(f'<sheet name="{title}" sheetId="{i}"{st} r:id="rId{i}"/>')
        if xml is not None:
            parts.append((f"xl/worksheets/sheet{i}.xml", xml))
    if strings is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{rel_ns}/sharedStrings" Target="sharedStrings.xml"/>')
        parts.append(("xl/sharedStrings.xml", strings))
    if styles is not None:
        rels.append(f'<Relationship Id="rIdT" Type="{rel_ns}/styles" Target="styles.xml"/>')
        parts.append(("xl/styles.xml", styles))
    workbook = (f'<workbook xmlns="{ns}" xmlns:r="{rel_ns}">{workbook_pr}<sheets>{"".join(entries)}</sheets></workbook>')
    top = f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{top_type}" Target="xl/workbook.xml"/></Relationships>'
    wb_rels = f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    write_zip(name, [("[Content_Types].xml", "<Types/>"), ("_rels/.rels", top), ("xl/workbook.xml", workbook),
                     ("xl/_rels/workbook.xml.rels", wb_rels)] + parts + list(extra), compression)


def one_sheet(name, rows, after="", **kw):
    raw_book(name, [("Sheet1", sheet_xml(rows, after), None)], **kw)


BOOKS = {}


def book(fn):
    BOOKS[fn.__name__] = fn
    return fn


# ---- real workbooks, written by openpyxl ----

@book
def values():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q3"
    ws.append(["ref", "period", "value", "comment"])
    ws.append(["a1", "2023/24 Q3", 72.5, "two\nlines"])
    ws.append(["a2", "2023/24 Q3", 3, "  padded  "])
    ws.append(["a3", "2023/24 Q3", 0.1 + 0.2, "15 digits"])
    ws.append(["a4", "2023/24 Q3", -0.0, "negative zero"])
    ws.append(["a5", "2023/24 Q3", 1e20, "large"])
    ws.append(["a6", "2023/24 Q3", -1234567.891, "negative"])
    ws.append(["a7", "2023/24 Q3", 123456789012345678, "more than 15 digits"])
    ws.append(["a8", "2023/24 Q3", 1.5e-10, "small"])
    ws.append(["a9", "2023/24 Q3", True, "boolean"])
    ws.append(["a10", "2023/24 Q3", False, "boolean"])
    ws.append(["a11", "2023/24 Q3", "#N/A", "not available: no problem"])
    for i, err in enumerate(["#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]):
        ws.append([f"e{i}", "2023/24 Q3", err, "an error"])
    ws.append(["f1", "2023/24 Q3", "=1+2", "a formula openpyxl saves without its value"])
    ws.append(["u", "2023/24 Q3", "caf\u00e9 \u2264 \U0001F600", "UTF-8"])
    ws["F30"] = "far"   # a row with one cell, far right
    wb.save(path("values.xlsx"))


def formatted(ws, row, value, fmt, note):
    ws.cell(row=row, column=1, value=note)
    c = ws.cell(row=row, column=2, value=value)
    c.number_format = fmt


@book
def formats():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Formats"
    cases = [
        (0.725, "0.0%", "percent"), (0.5, "0%", "percent builtin 9"), (1.23456, "0.00%", "percent builtin 10"),
        (-0.05, '0.0"%"', "quoted percent sign: plain"), (0.25, "[Red]0%", "percent after a colour"),
        (0.3, '\\%0', "escaped percent: plain"),
        (datetime.date(2023, 11, 30), "yyyy-mm-dd", "date"), (datetime.datetime(2024, 2, 29, 18, 30), "dd/mm/yyyy hh:mm", "time dropped"),
        (45260, "mm-dd-yy", "builtin 14 by its code"), (45260, "d-mmm-yy", "builtin 15"),
        (45260.75, "h:mm", "a time of day: a date"), (1.5, "[h]:mm", "elapsed hours: a number"),
        (1.5, "[h]:mm dd", "elapsed with a day: a date"), (45260, '"day" 0', "quoted letters: plain"),
        (45260, "[$-F800]dddd, mmmm dd, yyyy", "locale prefix"), (45260, "0.00E+00", "scientific: plain"),
        (60, "yyyy-mm-dd", "serial 60: 1900-02-29"), (59, "yyyy-mm-dd", "serial 59"), (61, "yyyy-mm-dd", "serial 61"),
        (1, "yyyy-mm-dd", "serial 1"), (0.5, "yyyy-mm-dd", "serial 0.5"), (-1, "yyyy-mm-dd", "negative: a number"),
        (2958465, "yyyy-mm-dd", "9999-12-31"), (2958466, "yyyy-mm-dd", "after 9999: a number"),
        (12.5, "General", "General"), (1234.5, "#,##0.00", "thousands: plain"),
    ]
    for row, (value, fmt, note) in enumerate(cases, 1):
        formatted(ws, row, value, fmt, note)
    wb.save(path("formats.xlsx"))


@book
def date1904():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws["A1"] = datetime.date(2023, 11, 30)
    for row, value in enumerate([0, 1, 1461, -1, 2957003, 2957004], 2):
        c = ws.cell(row=row, column=1, value=value)
        c.number_format = "yyyy-mm-dd"
    wb.save(path("date1904.xlsx"))


@book
def sheets():
    wb = openpyxl.Workbook()
    wb.active.title = "Visible"
    wb.active["A1"] = "v"
    h = wb.create_sheet("Hidden")
    h.sheet_state = "hidden"
    h["A1"] = "h"
    v = wb.create_sheet("VeryHidden")
    v.sheet_state = "veryHidden"
    v["B2"] = "vh"
    wb.create_chartsheet("Chart")
    c = wb.create_sheet("Tab\tand\nnewline")
    c["A1"] = "control characters in the name"
    wb.create_sheet("Empty")
    wb.save(path("sheets.xlsx"))


@book
def merged():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ref", "period", "value", "comment"])
    ws.append(["a1", "2023/24 Q3", 1, "the period merged down over four rows"])
    ws.append(["a2", None, 2, None])
    ws.append(["a3", None, 3, "c"])
    ws.append(["a4", None, 4, None])
    ws.merge_cells("B2:B5")
    ws["A7"] = "merged across"
    ws.merge_cells("A7:C7")
    ws["D7"] = "after"
    ws.append([])
    ws["B9"] = "x"
    ws.merge_cells("A9:A10")   # top-left empty: the cell below reads empty
    ws["B10"] = "y"
    ws["A12"] = "=1/0"
    ws.merge_cells("A12:A13")
    ws["A12"].value = "#DIV/0!"
    ws["B13"] = "error merged down"
    ws.merge_cells("D15:D40")
    ws["D15"] = "long"
    ws["A16"] = "a"
    ws["E17"] = "e"
    wb.save(path("merged.xlsx"))


# ---- workbooks made part by part (what openpyxl 3.0.9 cannot write) ----

@book
def shared():
    strings = (f'<sst xmlns="{MAIN}" count="9" uniqueCount="9">'
               '<si><t>plain</t></si>'
               '<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space="preserve">text  </t></r></si>'
               '<si><t>\u6771\u4eac</t><rPh sb="0" eb="2"><t>\u30c8\u30a6\u30ad\u30e7\u30a6</t></rPh><phoneticPr fontId="1"/></si>'
               '<si><t>line_x000D_\nbreak</t></si>'
               '<si><t>_x005F_x0041_ stays, _x0041_ is A</t></si>'
               '<si><t>pair _xD83D__xDE00_ lone _xD800_ nul _x0000_ bad _x00G1_</t></si>'
               '<si><t/></si>'
               '<si><t>&lt;tag&gt; &amp; &#x41;</t></si>'
               '<si><t><![CDATA[cdata <text>]]></t></si>'
               '</sst>')
    rows = ''.join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c><c r="B{i + 1}" t="inlineStr"><is><r><t>in</t></r>'
                   f'<r><t>line {i}</t></r></is></c></row>' for i in range(9))
    raw_book("shared.xlsx", [("Strings", sheet_xml(rows), None)], strings=strings)


@book
def cached():
    rows = ('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
            '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="str"><f>""</f><v></v></c>'
            '<c r="E1" t="b"><f>TRUE()</f><v>1</v></c><c r="F1" t="e"><f>NA()</f><v>#N/A</v></c></row>'
            '<row r="2"><c r="A2"><f t="shared" ref="A2:C2" si="0">ROW()</f><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>2</v></c>'
            '<c r="C2"><f t="shared" si="0"/></c><c r="D2" t="e"><v>#SPILL!</v></c><c r="E2" t="e"><v>#GETTING_DATA</v></c></row>'
            '<row r="3"><c r="A3" t="d"><v>2023-11-30T00:00:00</v></c><c r="B3" t="d"><v>2023-11-30</v></c>'
            '<c r="C3" t="d"><v>T10:00:00</v></c><c r="D3"><v>not a number</v></c><c r="E3"><v> 7 </v></c>'
            '<c r="F3"><v>0x10</v></c><c r="G3"><v>inf</v></c><c r="H3" t="b"><v>yes</v></c><c r="I3" t="n"><v>1e999</v></c></row>')
    one_sheet("cached.xlsx", rows)


@book
def norefs():
    rows = ('<row><c t="inlineStr"><is><t>row 1 A</t></is></c><c><v>2</v></c></row>'
            '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'
            '<row r="5"><c><v>5</v></c><c r="E5"><v>6</v></c><c><v>7</v></c></row>'
            '<row><c r="B6"><v>8</v></c></row>'
            '<row r="8" spans="1:3"><c r="A8" s="0"/><c r="B8"/></row>'
            '<row><c r="b10"><v>lowercase ref</v></c></row>')
    one_sheet("norefs.xlsx", rows)


@book
def properties():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "with custom properties"
    wb.save(path("plain.xlsx"))
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="planc.plan"><vt:lpwstr>Our plan</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="planc.period"><vt:lpstr>2023/24 Q3</vt:lpstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="planc.digest"><vt:lpwstr>sha256:0123abcd</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="count"><vt:i4>42</vt:i4></property>'
              '</Properties>')
    with zipfile.ZipFile(path("plain.xlsx")) as z:
        top = z.read("_rels/.rels").decode()
    top = top.replace("</Relationships>", '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/'
                      '2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    rewrite("plain.xlsx", "properties.xlsx", replace={"_rels/.rels": top}, add={"docProps/custom.xml": custom})
    os.remove(path("plain.xlsx"))


@book
def strict():
    ns = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    rel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    raw_book("strict.xlsx", [("Strict", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>strict</t></is></c>'
                                                   '<c r="B1" s="1"><v>45260</v></c></row>', ns=ns), None)],
             styles=f'<styleSheet xmlns="{ns}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
             workbook_pr='<workbookPr dateCompatibility="1"/>', ns=ns, rel_ns=rel, top_type=rel + "/officeDocument",
             absolute=True)


@book
def utf16():
    xml = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>UTF-16 \u00e9</t></is></c></row>',
                    head='<?xml version="1.0" encoding="UTF-16"?>\n')
    one_sheet_bytes = xml.encode("utf-16")
    raw_book("utf16.xlsx", [("Sheet1", one_sheet_bytes, None)])


@book
def styles_edge():
    styles = (f'<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0 &quot;pts&quot;"/>'
              '<numFmt numFmtId="14" formatCode="0.00"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs></styleSheet>')
    rows = ('<row r="1"><c r="A1" s="0"><v>0.5</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1" s="2"><v>45260</v></c>'
            '<c r="D1" s="3"><v>0.5</v></c><c r="E1" s="99"><v>0.5</v></c><c r="F1" s="x"><v>0.5</v></c></row>')
    one_sheet("styles_edge.xlsx", rows, styles=styles)


# ---- files that are not .xlsx workbooks ----

OLE_MAGIC = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])


def ole_file(entries):
    """An OLE2 header and a directory sector holding 128-byte entries of these names."""
    data = bytearray(OLE_MAGIC + bytes(504))
    for name in entries:
        e = bytearray(128)
        n = (name + "\0").encode("utf-16-le")
        e[:len(n)] = n
        e[64:66] = struct.pack("<H", len(n))
        data += e
    return bytes(data + bytes(1024))


@book
def hostile_kinds():
    with open(path("xls.xlsx"), "wb") as f:
        f.write(ole_file(["Root Entry", "Workbook", "\x05SummaryInformation"]))
    with open(path("encrypted.xlsx"), "wb") as f:
        f.write(ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    write_zip("ods.xlsx", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")],
              zipfile.ZIP_STORED)
    write_zip("xlsb.xlsx", [("_rels/.rels", f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                            'Target="xl/workbook.bin"/></Relationships>'), ("xl/workbook.bin", b"\x83\x01\x00")])
    write_zip("docx.xlsx", [("_rels/.rels", f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                            'Target="word/document.xml"/></Relationships>'),
                           ("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')])
    write_zip("zip.xlsx", [("readme.txt", "just a zip")])
    with open(path("values.xlsx"), "rb") as f:
        whole = f.read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    rng = random.Random(18)
    with open(path("random.xlsx"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4000)))
    with open(path("text.xlsx"), "wb") as f:
        f.write(b"ref,period,value\n")


# ---- hostile workbooks ----

@book
def hostile_xml():
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY lol "lol">\n'
              + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
              + f']>\n<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              '</sheetData></worksheet>')
    raw_book("laughs.xlsx", [("Sheet1", laughs, None)])
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
           f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>')
    raw_book("xxe.xlsx", [("Sheet1", xxe, None)])
    # the DTD past the first 64 KiB the reader looks at: libxml2's document type node refuses it
    late = '<?xml version="1.0"?>\n<!--' + "x" * 70000 + '-->\n<!DOCTYPE worksheet [<!ENTITY x "y">]>\n' + sheet_xml("", head="")
    raw_book("late_dtd.xlsx", [("Sheet1", late, None)])
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE worksheet [<!ENTITY x "y">]>\n' + sheet_xml("", head="")).encode("utf-16")
    raw_book("utf16_dtd.xlsx", [("Sheet1", utf16, None)])
    raw_book("dtd_styles.xlsx", [("Sheet1", sheet_xml(""), None)],
             styles='<!DOCTYPE styleSheet SYSTEM "http://example.invalid/x.dtd"><styleSheet/>')
    raw_book("notwf.xlsx", [("Good", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'), None),
                            ("Broken", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2">\n<c r="A2"><v>2</v></row>'), None),
                            ("After", sheet_xml('<row r="1"><c r="A1"><v>3</v></c></row>'), None)])
    raw_book("notwf_strings.xlsx", [("Sheet1", sheet_xml(""), None)], strings="<sst><si><t>x</si></sst>")
    # bytes that announce UCS-4 ("<" and three NULs) and do not convert: libxml2 reports it on its
    # generic channel, which prints to standard error unless the reader silences it (found by fuzz_xlsx)
    ucs4 = b"<" + b"\0" * 70 + sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', head="").encode()
    raw_book("bad_encoding.xlsx", [("Good", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'), None),
                                   ("Garbled", ucs4, None)])
    raw_book("missing_part.xlsx", [("Here", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'), None), ("Gone", None, None)])
    write_zip("no_rel.xlsx", [("_rels/.rels", f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                               'Target="xl/workbook.xml"/></Relationships>'),
                              ("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="NoRel" sheetId="1" r:id="rId9"/></sheets></workbook>')])


E_ACUTE = "\u00e9"


@book
def hostile_sheets():
    one_sheet("out_of_order.xlsx", '<row r="5"><c r="A5"><v>5</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>')
    one_sheet("repeated_row.xlsx", '<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>')
    one_sheet("empty_rows_out_of_order.xlsx", '<row r="9"/><row r="4"/>')
    one_sheet("beyond_xfd.xlsx", '<row r="1"><c r="XFD1"><v>1</v></c></row><row r="2"><c r="XFE2"><v>2</v></c></row>')
    one_sheet("beyond_row.xlsx", '<row r="1048576"><c r="A1048576"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>')
    one_sheet("beyond_row_cell.xlsx", '<row><c r="A1048577"><v>2</v></c></row>')
    one_sheet("beyond_norefs.xlsx", '<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>')
    one_sheet("cells_out_of_order.xlsx", '<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>')
    one_sheet("cell_wrong_row.xlsx", '<row r="3"><c r="B4"><v>1</v></c></row>')
    one_sheet("bad_ref.xlsx", '<row r="1"><c r="1A\x7f"><v>1</v></c></row>'.replace("\x7f", "&#x7f;"))
    one_sheet("bad_row.xlsx", '<row r="x1"><c><v>1</v></c></row>')
    one_sheet("bad_string.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>',
              strings=f'<sst xmlns="{MAIN}"><si><t>only one</t></si></sst>')
    one_sheet("long_cell.xlsx", f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * 32767}</t></is></c>'
              f'<c r="B1" t="inlineStr"><is><t>{E_ACUTE * 32768}</t></is></c></row>')
    raw_book("long_string.xlsx", [("Sheet1", sheet_xml(""), None)],
             strings=f'<sst xmlns="{MAIN}"><si><t>{"y" * 32768}</t></si></sst>')
    one_sheet("merge_bad.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', after='<mergeCells><mergeCell ref="A1:B"/></mergeCells>')
    one_sheet("merge_beyond.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', after='<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>')
    # down to the sheet's last row: only the rows that exist are filled
    one_sheet("merge_long.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>Q3</t></is></c><c r="B2"><v>1</v></c></row>'
              '<row r="1048576"><c r="B1048576"><v>2</v></c></row>', after='<mergeCells><mergeCell ref="A2:A1048576"/></mergeCells>')
    one_sheet("merge_area.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>',
              after='<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')
    # libxml2 2.9 takes time quadratic in an element's attributes: more than 256 are refused
    attrs = " ".join(f'a{i}="{i}"' for i in range(255))
    one_sheet("attributes_256.xlsx", f'<row r="1"><c r="A1" {attrs}><v>1</v></c></row>')
    attrs = " ".join(f"a{i} = '>'" for i in range(256))
    one_sheet("attributes_257.xlsx", f'<row r="1"><c r="A1" {attrs}><v>1</v></c></row>')
    attrs = " ".join(f'a{i}="\u223e\u3e22"' for i in range(256))   # UTF-16 units holding '>' and '"' bytes
    raw_book("attributes_utf16.xlsx", [("Sheet1", sheet_xml(f'<row r="1"><c r="A1" {attrs}><v>1</v></c></row>',
                                                            head='<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16"), None)])
    one_sheet("attributes_text.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>' + 'a="b" ' * 2000 + '</t></is></c></row>')
    # many merged ranges over the same rows: the work is bounded by their area, not rows times ranges
    one_sheet("merge_overlap.xlsx", "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>b</v></c></row>'
                                            for r in range(1, 201)),
              after="<mergeCells>" + '<mergeCell ref="A1:B200"/>' * 1000 + "</mergeCells>")


@book
def bombs():
    # 2 MiB of spaces in a sheet: over a 1 MiB cap (PLANRT_XLSX_MAX_PART_BYTES) by its declared size
    big = sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (2 << 20))
    raw_book("bomb.xlsx", [("Sheet1", big, None)])
    # the same with the sizes in its headers lowered to 1,000 bytes: over the cap while it is read
    patch_headers("bomb.xlsx", "bomb_lying.xlsx", "xl/worksheets/sheet1.xml", 22, 24, 1000)


def patch_headers(src, dst, part, local_off, central_off, value, size="<I"):
    """A copy of src with a field of part's local and central zip headers set to value."""
    with open(path(src), "rb") as f:
        data = bytearray(f.read())
    name = part.encode()
    for sig, off, name_at in ((b"PK\x03\x04", local_off, 30), (b"PK\x01\x02", central_off, 46)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                struct.pack_into(size, data, at + off, value)
            at += 4
    with open(path(dst), "wb") as f:
        f.write(data)


@book
def damaged():
    one_sheet("sound.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    patch_headers("sound.xlsx", "bad_crc.xlsx", "xl/worksheets/sheet1.xml", 14, 16, 0x12345678)
    patch_headers("sound.xlsx", "bad_method.xlsx", "xl/worksheets/sheet1.xml", 8, 10, 97, "<H")
    os.remove(path("sound.xlsx"))


@book
def big():
    # a million empty rows: no row is given, in linear time
    rows = io.StringIO()
    for r in range(1, 1000001):
        rows.write(f'<row r="{r}"/>')
    one_sheet("empty_rows.xlsx", rows.getvalue())
    # 100,000 rows of a return: shared strings, numbers, a percentage
    strings = f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>indicator {i}</t></si>" for i in range(1000)) + "</sst>"
    styles = f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>'
    rows = io.StringIO()
    for r in range(1, 100001):
        rows.write(f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 1000}</v></c><c r="B{r}" t="inlineStr"><is><t>2023/24 Q3</t></is></c>'
                   f'<c r="C{r}"><v>{r * 0.25}</v></c><c r="D{r}" s="1"><v>0.{r}</v></c></row>')
    one_sheet("rows_100k.xlsx", rows.getvalue(), strings=strings, styles=styles)


@book
def many():
    # with PLANRT_XLSX_MAX_PART_BYTES=1048576: more shared strings than the reader then takes (131,072, one
    # per 8 bytes of the cap), and more merged ranges (32,768, one per 32 bytes), each part under the cap
    strings = f'<sst xmlns="{MAIN}">' + "<si/>" * 150000 + "</sst>"
    raw_book("many_strings.xlsx", [("Sheet1", sheet_xml(""), None)], strings=strings)
    body = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(1, 32770))
    one_sheet("many_merges.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', after=f"<mergeCells>{body}</mergeCells>")


@book
def general():
    # numbers as a workbook's <v> holds them, and beside the workbook what General format shows for
    # each: Python's "%.15g" of the same text read as a double (C's printf, and no negative zero).
    # The reader builds most of them from their digits (xlsx_cells.c); this is the peer it must equal.
    fixed = ["3774.2", "0", "-0", "-0.0", "+5", ".5", "5.", "007", "0012.500", "100", "0.1", "0.30000000000000004",
             "123456789012345", "1234567890123456", "999999999999999", "999999999999999.9", "12345678901234.5",
             "0.0001", "0.00012345678901234", "0.000123456789012345", "0.00001", "0.000099", "1e-5", "1.5E3",
             "-1234567.891", "1E+20", "-0.00010", "0.1234567890123456", "1.00000000000000", "72.5 "]
    rnd = random.Random(20261201)
    values = list(fixed)
    for _ in range(3000):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 18)))
        point = rnd.randint(0, len(digits))
        text = digits[:point] + ("." + digits[point:] if point < len(digits) else "")
        values.append(("-" if rnd.random() < 0.3 else "") + (text if text[0] != "." else "0" + text))
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{v}</v></c></row>' for r, v in enumerate(values, 1))
    one_sheet("general.xlsx", rows)
    with open(path("general.values"), "w") as f:
        for v in values:
            shown = "%.15g" % float(v)
            f.write(("0" if shown == "-0" else shown) + "\n")


os.makedirs(OUT, exist_ok=True)
for name, make in BOOKS.items():
    if not ONLY or name in ONLY:
        make()
