/* The one command-line parser (options.h): argv read by a command's table, mistakes reported in one
 * style, --help printed from the same table. */
#include "options.h"
#include "escape.h"
#include "strbuf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *const prt_diagnostics_formats[] = {"text", "json", "sarif", "github", NULL};
const char *const prt_color_whens[] = {"auto", "always", "never", NULL};

/* An option as the user typed it (--period, -o), for messages: a span of an argv string. */
typedef struct Typed {
    const char *text;
    int len;
} Typed;

/* Says what is wrong, then where to look; the exit status of a usage error. */
static int usage_error(const prt_command *cmd, const char *what)
{
    prt_errorf("%s: error: %s\n", cmd->prog, what);
    prt_errorf("Try '%s --help'.\n", cmd->prog);
    return 2;
}

static int typed_error(const prt_command *cmd, Typed t, const char *complaint)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "%.*s %s", t.len, t.text, complaint);
    int status = usage_error(cmd, prt_buf_str(&b));
    prt_buf_free(&b);
    return status;
}

static int unknown_option(const prt_command *cmd, Typed t)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "unknown option '%.*s'", t.len, t.text);
    int status = usage_error(cmd, prt_buf_str(&b));
    prt_buf_free(&b);
    return status;
}

static bool is_choice(const char *const *choices, const char *value)
{
    for (size_t i = 0; choices[i]; i++)
        if (strcmp(choices[i], value) == 0)
            return true;
    return false;
}

/* "--format takes text, csv, json, md or html, not 'xml'" */
static int bad_choice(const prt_command *cmd, Typed t, const char *const *choices, const char *value)
{
    prt_buf b = {0};
    prt_buf_puts(&b, "takes ");
    for (size_t i = 0; choices[i]; i++)
        prt_buf_printf(&b, "%s%s", i == 0 ? "" : choices[i + 1] ? ", " : " or ", choices[i]);
    prt_buf_printf(&b, ", not '%s'", value);
    int status = typed_error(cmd, t, prt_buf_str(&b));
    prt_buf_free(&b);
    return status;
}

static int store_int(const prt_command *cmd, const prt_option *o, Typed t, const char *value)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (end == value || *end || errno || n < o->min || n > o->max) {
        prt_buf b = {0};
        prt_buf_printf(&b, "takes a whole number from %ld to %ld, not '%s'", o->min, o->max, value);
        int status = typed_error(cmd, t, prt_buf_str(&b));
        prt_buf_free(&b);
        return status;
    }
    *(long *)o->dest = n;
    return -1;
}

/* Stores one option's value (NULL for a flag) through its dest; -1, or 2 after a message. */
static int store(const prt_command *cmd, const prt_option *o, Typed t, const char *value)
{
    if (o->choices && value && !is_choice(o->choices, value))
        return bad_choice(cmd, t, o->choices, value);
    switch (o->kind) {
    case PRT_OPT_FLAG:
        *(bool *)o->dest = true;
        break;
    case PRT_OPT_STRING:
        *(const char **)o->dest = value;
        break;
    case PRT_OPT_INT:
        return store_int(cmd, o, t, value);
    case PRT_OPT_LIST: {
        prt_opt_list *list = o->dest;
        list->items = prt_xrealloc(list->items, (list->n + 1) * sizeof *list->items);
        list->items[list->n++] = value;
        break;
    }
    }
    return -1;
}

/* The value of an option that takes one: attached (--name=V, -oV), else the next argument. */
static int take_value(const prt_command *cmd, const prt_option *o, Typed t, const char *attached, int argc,
                      char **argv, int *i)
{
    if (o->kind == PRT_OPT_FLAG)
        return attached ? typed_error(cmd, t, "takes no value") : store(cmd, o, t, NULL);
    if (attached)
        return store(cmd, o, t, attached);
    if (*i + 1 >= argc)
        return typed_error(cmd, t, "needs a value");
    return store(cmd, o, t, argv[++*i]);
}

/* --name, --name=VALUE or --name VALUE. */
static int take_long(const prt_command *cmd, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *eq = strchr(a, '=');
    Typed t = {a, eq ? (int)(eq - a) : (int)strlen(a)};
    const char *name = a + 2;
    size_t n = (size_t)t.len - 2;
    if (n == 4 && strncmp(name, "help", 4) == 0) {
        if (eq)
            return typed_error(cmd, t, "takes no value");
        prt_options_help(cmd, stdout);
        return 0;
    }
    if (n == 12 && strncmp(name, "list-options", 12) == 0 && !eq) {
        prt_options_list(cmd, stdout);
        return 0;
    }
    for (size_t k = 0; k < cmd->noptions; k++) {
        const prt_option *o = &cmd->options[k];
        if (o->name && strlen(o->name) == n && strncmp(o->name, name, n) == 0)
            return take_value(cmd, o, t, eq ? eq + 1 : NULL, argc, argv, i);
    }
    return unknown_option(cmd, t);
}

/* -X, -XVALUE or -X VALUE; a flag's letter stands alone (no bundling: -qw is unknown). */
static int take_short(const prt_command *cmd, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    Typed t = {a, 2};
    if (strcmp(a, "-h") == 0) {
        prt_options_help(cmd, stdout);
        return 0;
    }
    for (size_t k = 0; k < cmd->noptions; k++) {
        const prt_option *o = &cmd->options[k];
        if (o->short_name != a[1])
            continue;
        if (o->kind == PRT_OPT_FLAG && a[2])
            break;
        return take_value(cmd, o, t, a[2] ? a + 2 : NULL, argc, argv, i);
    }
    return unknown_option(cmd, (Typed){a, (int)strlen(a)});
}

/* The n-th (0-based) name of cmd->args, without a trailing "...": what a missing argument is called. */
static void arg_name(prt_buf *b, const char *args, int n)
{
    const char *s = args;
    for (; n > 0; n--) {
        const char *sp = strchr(s, ' ');
        if (!sp)
            break;                  /* "FILE...": every further one is a FILE too */
        s = sp + 1;
    }
    size_t len = strcspn(s, " ");
    if (len >= 3 && strncmp(s + len - 3, "...", 3) == 0)
        len -= 3;
    prt_buf_add(b, s, len);
}

/* "-X" when the option has a letter (as usage lines show it: -o FILE), else "--name". */
static void option_name(prt_buf *b, const prt_option *o)
{
    if (o->short_name)
        prt_buf_printf(b, "-%c", o->short_name);
    else
        prt_buf_printf(b, "--%s", o->name);
}

/* The rules after the last argument: required options given, positional arguments counted. */
static int check_complete(const prt_command *cmd)
{
    for (size_t k = 0; k < cmd->noptions; k++) {
        const prt_option *o = &cmd->options[k];
        bool missing = o->kind == PRT_OPT_STRING ? !*(const char **)o->dest
                       : o->kind == PRT_OPT_LIST ? ((const prt_opt_list *)o->dest)->n == 0 : false;
        if (o->required && missing) {
            prt_buf b = {0};
            option_name(&b, o);
            prt_buf_puts(&b, " is required");
            int status = usage_error(cmd, prt_buf_str(&b));
            prt_buf_free(&b);
            return status;
        }
    }
    if (cmd->narg < cmd->min_args) {
        prt_buf b = {0};
        prt_buf_puts(&b, "missing argument ");
        arg_name(&b, cmd->args, cmd->narg);
        int status = usage_error(cmd, prt_buf_str(&b));
        prt_buf_free(&b);
        return status;
    }
    if (cmd->max_args >= 0 && cmd->narg > cmd->max_args) {
        prt_buf b = {0};
        prt_buf_printf(&b, "unexpected argument '%s'", cmd->arg[cmd->max_args]);
        int status = usage_error(cmd, prt_buf_str(&b));
        prt_buf_free(&b);
        return status;
    }
    return -1;
}

int prt_options_parse(prt_command *cmd, int argc, char **argv, int first)
{
    cmd->arg = prt_xmalloc((size_t)(argc > 0 ? argc : 1) * sizeof *cmd->arg);
    cmd->narg = 0;
    bool options_done = false;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        int status = -1;
        if (options_done || a[0] != '-' || a[1] == '\0')
            cmd->arg[cmd->narg++] = a;
        else if (strcmp(a, "--") == 0)
            options_done = true;
        else if (a[1] == '-')
            status = take_long(cmd, argc, argv, &i);
        else
            status = take_short(cmd, argc, argv, &i);
        if (status >= 0)
            return status;
    }
    return check_complete(cmd);
}

/* An option's left column in --help: "-o, --output=FILE", "    --audit", "-T FORMAT". */
static void option_label(prt_buf *b, const prt_option *o)
{
    if (o->short_name)
        prt_buf_printf(b, "-%c%s", o->short_name, o->name ? ", " : "");
    else
        prt_buf_puts(b, "    ");
    if (o->name)
        prt_buf_printf(b, "--%s", o->name);
    if (o->kind != PRT_OPT_FLAG)
        prt_buf_printf(b, "%s%s", o->name ? "=" : " ", o->metavar ? o->metavar : "VALUE");
}

enum { HELP_MAX_LABEL = 28 };   /* a longer label has its help on the next line */

static void help_line(FILE *out, const char *label, const char *help, int width)
{
    int len = (int)strlen(label);
    if (len > width)
        fprintf(out, "  %s\n  %*s  %s\n", label, width, "", help);
    else
        fprintf(out, "  %-*s  %s\n", width, label, help);
}

void prt_options_help(const prt_command *cmd, FILE *out)
{
    fprintf(out, "usage: %s %s\n", cmd->prog, cmd->synopsis);
    if (cmd->description)
        fprintf(out, "\n%s", cmd->description);
    int width = 10;   /* "-h, --help" */
    prt_buf label = {0};
    for (size_t k = 0; k < cmd->noptions; k++) {
        prt_buf_clear(&label);
        option_label(&label, &cmd->options[k]);
        if ((int)label.len > width && label.len <= HELP_MAX_LABEL)
            width = (int)label.len;
    }
    fputs("\nOptions:\n", out);
    for (size_t k = 0; k < cmd->noptions; k++) {
        prt_buf_clear(&label);
        option_label(&label, &cmd->options[k]);
        help_line(out, prt_buf_str(&label), cmd->options[k].help, width);
    }
    help_line(out, "-h, --help", "show this help", width);
    prt_buf_free(&label);
    if (cmd->exit_status)
        fprintf(out, "\nExit status: %s\n", cmd->exit_status);
}

void prt_options_list(const prt_command *cmd, FILE *out)
{
    for (size_t k = 0; k < cmd->noptions; k++) {
        const prt_option *o = &cmd->options[k];
        if (o->name)
            fprintf(out, "--%s", o->name);
        else
            fputc('-', out);
        if (o->short_name)
            fprintf(out, " -%c", o->short_name);
        else
            fputs(" -", out);
        fputs(o->kind == PRT_OPT_FLAG ? " flag" : " value", out);
        for (size_t i = 0; o->choices && o->choices[i]; i++)
            fprintf(out, " %s", o->choices[i]);
        fputc('\n', out);
    }
}

void prt_command_free(prt_command *cmd)
{
    for (size_t k = 0; k < cmd->noptions; k++)
        if (cmd->options[k].kind == PRT_OPT_LIST) {
            prt_opt_list *list = cmd->options[k].dest;
            free(list->items);
            list->items = NULL;
            list->n = 0;
        }
    free(cmd->arg);
    cmd->arg = NULL;
    cmd->narg = 0;
}
