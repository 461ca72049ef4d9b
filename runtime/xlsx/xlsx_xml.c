/* One XML part of a workbook read safely with libxml2's streaming xmlTextReader (xlsx_read.h): bytes
 * come straight from libzip through a read callback that counts them against the part cap; the
 * parser loads no DTD, substitutes no entities and never touches the network; a part that declares a
 * DTD at all is refused, by its first bytes before libxml2 sees them and again by the reader's
 * document type node; libxml2's own error printing is silenced and its first error kept for *why. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

/* How much of a part is looked at for a DTD before libxml2 gets any of it: a spreadsheet program's
 * prolog is an XML declaration of a few dozen bytes. */
#define HEAD_BYTES 65536

static char *dtd_refused(const prt_xlsx_xml *x)
{
    return prt_xlsx_msg("%s declares a DTD, which no spreadsheet program writes; refused", x->part);
}

/* Whether the text before the first element declares a document type.  s is one byte per character:
 * UTF-8, or UTF-16 narrowed to its low bytes. */
static bool prolog_declares_dtd(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '<')
            continue;
        if (s[i + 1] != '?' && s[i + 1] != '!')
            return false;   /* the first element: a DTD can come no later */
        if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0)
            return true;
    }
    return false;
}

/* UTF-16 (with or without its byte order mark): which byte of each pair holds ASCII; UTF-8: -1. */
static int wide_of(const unsigned char *h, size_t n)
{
    if (n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == '<' && h[1] == 0)))
        return 0;
    if (n >= 2 && ((h[0] == 0xFE && h[1] == 0xFF) || (h[0] == 0 && h[1] == '<')))
        return 1;
    return -1;
}

/* The same for the part's first bytes, in UTF-8 or UTF-16. */
static bool head_declares_dtd(const unsigned char *h, size_t n, int odd)
{
    if (odd < 0)
        return prolog_declares_dtd(h, n);
    unsigned char *narrow = prt_xmalloc(n / 2 + 1);
    size_t m = 0;
    for (size_t k = 0; 2 * k + 1 < n; k++) {
        unsigned char low = h[2 * k + (size_t)odd], high = h[2 * k + 1 - (size_t)odd];
        narrow[m++] = high == 0 ? low : '?';
    }
    bool dtd = prolog_declares_dtd(narrow, m);
    free(narrow);
    return dtd;
}

/* Counts the attributes of each start tag in the text libxml2 is given, and refuses an element with
 * more than PRT_XLSX_MAX_ATTRIBUTES: libxml2 2.9 appends each attribute by walking the list of those
 * before it, so an element of a million attributes would take hours.  Not a parser: it follows only
 * '<', '>', '=' and quotes, enough to tell an attribute (an '=' then a quote, inside a tag, outside
 * quotes) from text.  Excel writes a dozen at most. */
enum { OUTSIDE, LT, IN_TAG, EQUALS, IN_DOUBLE, IN_SINGLE };

static bool count_char(prt_xlsx_xml *x, unsigned char c)
{
    int s = x->tag_state;
    if (c == '<') {
        x->attributes = 0;
        s = LT;
    } else if (s == LT) {
        s = c == '/' || c == '!' || c == '?' ? OUTSIDE : IN_TAG;
    } else if (s == IN_TAG) {
        s = c == '>' ? OUTSIDE : c == '=' ? EQUALS : IN_TAG;
    } else if (s == EQUALS && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        s = c == '"' ? IN_DOUBLE : c == '\'' ? IN_SINGLE : IN_TAG;
        if (s != IN_TAG && ++x->attributes > PRT_XLSX_MAX_ATTRIBUTES) {
            x->io_error = prt_xlsx_msg("%s has an element with more than %d attributes, which no spreadsheet "
                                       "program writes; refused", x->part, PRT_XLSX_MAX_ATTRIBUTES);
            return false;
        }
    } else if ((s == IN_DOUBLE && c == '"') || (s == IN_SINGLE && c == '\'')) {
        s = IN_TAG;
    }
    x->tag_state = s;
    return true;
}

/* UTF-8 (no byte of a multibyte character is ASCII): between tags only a '<' matters, and inside a
 * quoted value only its closing quote or a '<', so those stretches are skipped whole rather than fed
 * to count_char a byte at a time (it was an eighth of reading a sheet). */
static bool count_utf8(prt_xlsx_xml *x, const unsigned char *p, size_t n)
{
    const unsigned char *end = p + n;
    x->fed += n;
    while (p < end) {
        if (x->tag_state == OUTSIDE) {
            p = memchr(p, '<', (size_t)(end - p));
            if (!p)
                break;
        } else if (x->tag_state == IN_DOUBLE || x->tag_state == IN_SINGLE) {
            unsigned char quote = x->tag_state == IN_DOUBLE ? '"' : '\'';
            while (p < end && *p != quote && *p != '<')
                p++;
            if (p == end)
                break;
        }
        if (!count_char(x, *p++))
            return false;
    }
    return true;
}

/* The same over n bytes: UTF-8 as count_utf8 says, UTF-16 unit by unit (one that is not ASCII as
 * 'x'), its pairs cut anywhere between calls. */
static bool count_attributes(prt_xlsx_xml *x, const unsigned char *p, size_t n)
{
    if (x->wide < 0)
        return count_utf8(x, p, n);
    for (size_t i = 0; i < n; i++, x->fed++) {
        if (x->fed % 2 == 0) {
            x->unit_byte = p[i];
        } else {
            unsigned char low = x->wide == 0 ? x->unit_byte : p[i], high = x->wide == 0 ? p[i] : x->unit_byte;
            if (!count_char(x, high ? 'x' : low))
                return false;
        }
    }
    return true;
}

/* Unpacks up to n bytes into buf, counted against the cap; -1 with x->io_error. */
static int unpack(prt_xlsx_xml *x, void *buf, size_t n)
{
    zip_int64_t got = zip_fread(x->file, buf, n);
    if (got < 0) {
        x->io_error = prt_xlsx_msg("%s cannot be unpacked (%s): the workbook is damaged; save it again as .xlsx",
                                   x->part, zip_file_strerror(x->file));
        return -1;
    }
    x->count += (size_t)got;
    if (x->count > x->cap) {
        x->io_error = prt_xlsx_msg("%s unpacks to more than %zu bytes, the most planc reads from one part of a "
                                   "workbook: the file is damaged or hostile (a zip bomb)", x->part, x->cap);
        return -1;
    }
    return (int)got;
}

/* Reads the part's first bytes and refuses a DTD in them. */
static bool read_head(prt_xlsx_xml *x)
{
    x->head_read = true;
    x->head = prt_xmalloc(HEAD_BYTES);
    while (x->head_len < HEAD_BYTES) {
        int got = unpack(x, x->head + x->head_len, HEAD_BYTES - x->head_len);
        if (got < 0)
            return false;
        if (got == 0)
            break;
        x->head_len += (size_t)got;
    }
    x->wide = wide_of(x->head, x->head_len);
    if (head_declares_dtd(x->head, x->head_len, x->wide)) {
        x->io_error = dtd_refused(x);
        return false;
    }
    return true;
}

/* libxml2's read callback: the head first, then the rest straight from libzip. */
static int feed(void *context, char *buffer, int len)
{
    prt_xlsx_xml *x = context;
    if (x->io_error || (!x->head_read && !read_head(x)))
        return -1;
    if (len <= 0)
        return 0;
    if (x->head_pos < x->head_len) {
        size_t n = x->head_len - x->head_pos;
        if (n > (size_t)len)
            n = (size_t)len;
        memcpy(buffer, x->head + x->head_pos, n);
        x->head_pos += n;
        return count_attributes(x, (unsigned char *)buffer, n) ? (int)n : -1;
    }
    int got = unpack(x, buffer, (size_t)len);
    return got <= 0 || count_attributes(x, (unsigned char *)buffer, (size_t)got) ? got : -1;
}

static int no_close(void *context)
{
    (void)context;
    return 0;
}

/* libxml2's structured error handler: keeps the first error, prints nothing. */
static void keep_error(void *context, xmlErrorPtr e)
{
    prt_xlsx_xml *x = context;
    if (x->xml_error || !e || e->level < XML_ERR_ERROR)
        return;
    prt_buf b = {0};
    prt_buf_printf(&b, "%s is not well-formed XML (line %d: ", x->part, e->line);
    const char *m = e->message ? e->message : "an error";
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < n; i++)   /* libxml2 quotes the document's bytes in its messages */
        prt_buf_putc(&b, (unsigned char)m[i] < 0x20 ? '?' : m[i]);
    prt_buf_puts(&b, "): the workbook is damaged; save it again as .xlsx");
    x->xml_error = prt_buf_take(&b);
}

/* libxml2 reports some errors (a part whose bytes do not convert from the encoding its first bytes
 * announce: "encoding error : input conversion failed") through its generic error channel, which
 * prints to standard error whatever the parser's options say.  A hostile workbook must not write on
 * planc's terminal, and its error is kept as the reader's own (keep_error, or the step's failure), so
 * the channel is silenced while any part is open on this thread and given back as it was, the host
 * program's handler included, when the last one closes.  (Silencing it around each read instead
 * made reading a million-row workbook 70% slower: libxml2 looks its globals up per thread.) */
static void say_nothing(void *context, const char *fmt, ...)
{
    (void)context;
    (void)fmt;
}

static _Thread_local unsigned parts_open;
static _Thread_local xmlGenericErrorFunc host_func;
static _Thread_local void *host_context;

static void silence(void)
{
    if (parts_open++ == 0) {
        host_func = xmlGenericError;
        host_context = xmlGenericErrorContext;
        xmlSetGenericErrorFunc(NULL, say_nothing);
    }
}

static void give_back(void)
{
    if (parts_open > 0 && --parts_open == 0)
        xmlSetGenericErrorFunc(host_context, host_func);
}

bool prt_xlsx_xml_open(prt_xlsx_xml *x, prt_xlsx_zip *z, const char *part, char **why)
{
    memset(x, 0, sizeof *x);
    int64_t index = prt_xlsx_zip_find(z, part);
    if (index < 0) {
        *why = prt_xlsx_msg("the workbook names the part %s, which its archive lacks: the workbook is damaged; "
                            "save it again as .xlsx", part);
        return false;
    }
    x->file = prt_xlsx_zip_fopen(z, index, part, why);
    if (!x->file)
        return false;
    x->part = prt_xstrdup(part);
    x->cap = z->part_cap;
    xmlInitParser();
    /* no XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID or HUGE: entities stay unexpanded, no DTD is
     * fetched, libxml2's limits on text and depth hold; NONET: nothing from the network, ever */
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    silence();
    x->silenced = true;
    x->reader = xmlReaderForIO(feed, no_close, x, part, NULL, options);
    if (!x->reader) {
        *why = x->io_error ? x->io_error : prt_xlsx_msg("%s cannot be read as XML", part);
        x->io_error = NULL;
        prt_xlsx_xml_close(x);
        return false;
    }
    xmlTextReaderSetStructuredErrorHandler(x->reader, keep_error, x);
    return true;
}

void prt_xlsx_xml_close(prt_xlsx_xml *x)
{
    if (x->reader)
        xmlFreeTextReader(x->reader);
    if (x->silenced)
        give_back();
    if (x->file)
        zip_fclose(x->file);
    free(x->part);
    free(x->head);
    free(x->io_error);
    free(x->xml_error);
    memset(x, 0, sizeof *x);
}

char *prt_xlsx_xml_broken(const prt_xlsx_xml *x)
{
    return prt_xlsx_msg("%s is not well-formed XML: the workbook is damaged; save it again as .xlsx", x->part);
}

/* The outcome of a step of the reader: the callback's or libxml2's error first, then a DTD. */
static int outcome(prt_xlsx_xml *x, int rc, char **why)
{
    if (x->io_error || x->xml_error || rc < 0) {
        *why = x->io_error ? x->io_error : x->xml_error;
        if (x->io_error)
            x->io_error = NULL;
        else
            x->xml_error = NULL;
        if (!*why)
            *why = prt_xlsx_xml_broken(x);
        return -1;
    }
    if (rc == 1 && xmlTextReaderNodeType(x->reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
        *why = dtd_refused(x);
        return -1;
    }
    return rc;
}

int prt_xlsx_xml_read(prt_xlsx_xml *x, char **why) { return outcome(x, xmlTextReaderRead(x->reader), why); }

int prt_xlsx_xml_skip(prt_xlsx_xml *x, char **why) { return outcome(x, xmlTextReaderNext(x->reader), why); }

bool prt_xlsx_xml_starts(prt_xlsx_xml *x, const char *local)
{
    if (xmlTextReaderNodeType(x->reader) != XML_READER_TYPE_ELEMENT)
        return false;
    const xmlChar *name = xmlTextReaderConstLocalName(x->reader);
    return name && strcmp((const char *)name, local) == 0;
}

bool prt_xlsx_xml_ends(prt_xlsx_xml *x, int depth)
{
    if (xmlTextReaderDepth(x->reader) != depth)
        return false;
    int type = xmlTextReaderNodeType(x->reader);
    return type == XML_READER_TYPE_END_ELEMENT ||
           (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x->reader));
}

void prt_xlsx_xml_attrs(prt_xlsx_xml *x, const char *const *names, const char **values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        values[i] = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->reader) != 1)
        return;
    do {
        const char *local = (const char *)xmlTextReaderConstLocalName(x->reader);
        for (size_t i = 0; local && i < n; i++)
            if (!values[i] && strcmp(local, names[i]) == 0)
                values[i] = (const char *)xmlTextReaderConstValue(x->reader);
    } while (xmlTextReaderMoveToNextAttribute(x->reader) == 1);
    xmlTextReaderMoveToElement(x->reader);
}

static bool is_text(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

int prt_xlsx_xml_text(prt_xlsx_xml *x, prt_buf *out, bool rich, char **why)
{
    if (xmlTextReaderIsEmptyElement(x->reader))
        return 1;
    int depth = xmlTextReaderDepth(x->reader);
    int in_t = rich ? -1 : depth, in_phonetic = -1;   /* the depths of the <t> and <rPh> we are in */
    for (;;) {
        int rc = prt_xlsx_xml_read(x, why);
        if (rc <= 0) {
            if (rc == 0)
                *why = prt_xlsx_xml_broken(x);
            return -1;
        }
        int type = xmlTextReaderNodeType(x->reader), d = xmlTextReaderDepth(x->reader);
        if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
            return 1;
        if (type == XML_READER_TYPE_ELEMENT && rich && !xmlTextReaderIsEmptyElement(x->reader)) {
            if (in_phonetic < 0 && prt_xlsx_xml_starts(x, "rPh"))
                in_phonetic = d;
            else if (in_phonetic < 0 && in_t < 0 && prt_xlsx_xml_starts(x, "t"))
                in_t = d;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (d == in_phonetic)
                in_phonetic = -1;
            if (d == in_t && rich)
                in_t = -1;
        } else if (is_text(type) && in_t >= 0) {
            const char *v = (const char *)xmlTextReaderConstValue(x->reader);
            if (v)
                prt_buf_puts(out, v);
        }
    }
}
