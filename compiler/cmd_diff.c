/* planc diff OLD.plan NEW.plan: what changed between two versions of a plan, in committee terms: every
 * property of the model (the rows of diff_props.h) as old -> new, each entity matched by its identifier.
 * This file is the command and its output; diff_model.c compares the header, structure, rating schemes,
 * benchmarks and inputs, diff_indicator.c the indicators, diff_delivery.c delivery. */
#include "diag.h"
#include "diff.h"
#include "plan_load.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *diff_esc(Out *o, const char *s)
{
    prt_buf b = {0};
    if (o->md)
        prt_esc_md(&b, s ? s : "");
    else
        prt_esc_terminal(&b, s ? s : "");
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

void diff_line(Out *o, const char *fmt, ...)
{
    if (o->section) {
        fprintf(o->f, o->md ? "\n## %s\n\n" : "\n%s\n", o->section);
        o->section = NULL;
    }
    fputs(o->md ? "- " : "  ", o->f);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(o->f, fmt, ap);
    va_end(ap);
    fputc('\n', o->f);
    o->changes++;
}

const char *diff_key_in(Plan *p, const char *name)
{
    return name ? arena_intern(&p->arena, name, strlen(name)) : NULL;
}

const char *diff_quoted(Out *o, const char *s)
{
    if (!s)
        return "none";
    prt_buf b = {0};
    prt_buf_printf(&b, "\"%s\"", diff_esc(o, s));
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

static int diff_with(const char *const paths[2], bool md, const IncludeDirs *dirs)
{
    LoadedPlan a, b;
    int sa = loaded_plan_open(&a, paths[0], dirs);
    int sb = loaded_plan_open(&b, paths[1], dirs);
    if (sa != EXIT_CLEAN || sb != EXIT_CLEAN) {
        loaded_plan_free(&a);
        loaded_plan_free(&b);
        return EXIT_USAGE;
    }
    Out o = {stdout, md, 0, NULL, {0}};
    fprintf(o.f, md ? "# Changes from %s to %s\n" : "Changes from %s to %s\n", diff_esc(&o, paths[0]), diff_esc(&o, paths[1]));
    Cmp c = {&o, &a, &b};
    diff_plan(&c);
    diff_delivery(&o, &a.plan, &b.plan);
    if (o.changes == 0)
        fputs(md ? "\nNo changes.\n" : "  no changes\n", o.f);
    prt_pool_free(&o.text);
    loaded_plan_free(&a);
    loaded_plan_free(&b);
    return o.changes ? EXIT_PLAN_ERRORS : EXIT_CLEAN;
}

int cmd_diff(int argc, char **argv)
{
    static const char *const formats[] = {"text", "md", NULL};
    const char *format = "text";
    prt_opt_list include = {0};
    const prt_option options[] = {
        {.name = "format", .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = formats, .dest = &format,
         .help = "text (default) or md (Markdown)"},
        INCLUDE_DIR_OPTION(&include),
    };
    prt_command cmd = {
        .prog = "planc diff",
        .synopsis = "OLD.plan NEW.plan [OPTIONS]",
        .description = "What changed between two versions of a plan, every property old -> new: the header (title,\n"
                       "organisation, years, reported, default schemes, version, direction, forecast, jump, stale);\n"
                       "pillars, themes and outcomes (names, descriptions, owners, moves, links); rating schemes\n"
                       "(method; bands' labels, abbreviations, thresholds, order); benchmarks and inputs; each\n"
                       "indicator's fields, targets, amendments, revisions, benchmark values and results (values as\n"
                       "the plan wrote them: \"2 pts\"); delivery schemes and activities.  Everything is matched by its\n"
                       "identifier (an indicator whose reference changed is one indicator).\n",
        .exit_status = "0 no change, 1 changes, 2 usage or a plan with errors.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "OLD NEW",
        .min_args = 2,
        .max_args = 2,
    };
    IncludeDirs dirs = {0};
    int status = prt_options_parse(&cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(&dirs, "diff", &include);
    if (status < 0)
        status = diff_with(cmd.arg, strcmp(format, "md") == 0, &dirs);
    include_dirs_free(&dirs);
    prt_command_free(&cmd);
    return status;
}
