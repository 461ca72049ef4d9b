/* planc map PLAN -o FILE [-T svg|png|pdf|dot] [options]: the outcome map. */
#include "driver.h"
#include "escape.h"
#include "map.h"
#include "output.h"
#include "plan_load.h"
#include "tables.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *format_from_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    static const char *const formats[] = {"svg", "png", "pdf", "dot"};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(dot + 1, formats[i]) == 0)
            return formats[i];
    return NULL;
}

static bool valid_format(const char *f)
{
    return f && (strcmp(f, "svg") == 0 || strcmp(f, "png") == 0 || strcmp(f, "pdf") == 0 || strcmp(f, "dot") == 0);
}

/* Renders one map and writes it whole, or not at all. */
static int draw(const Plan *plan, const MapOptions *mo, const char *format, unsigned timeout, const char *path)
{
    size_t nodes = map_count_nodes(plan, mo);
    if (nodes > MAP_MAX_NODES) {
        prt_errorf(
                "planc map: error: the map would have %zu boxes; the most planc draws on one page is %d. Draw part of "
                "it with --pillar or --theme, one map per pillar with --split pillar, or fewer boxes with --detail "
                "outcomes\n",
                nodes, MAP_MAX_NODES);
        return EXIT_USAGE;
    }
    char *data = NULL;
    size_t len = 0;
    char why[512];
    if (!map_render(plan, mo, format, timeout, &data, &len, why, sizeof why)) {
        prt_errorf("planc map: error: %s\n", why);
        return EXIT_USAGE;
    }
    prt_output out;
    char *owhy;
    if (!prt_output_open(&out, path, &owhy)) {
        prt_output_report("planc map", owhy);
        free(data);
        return EXIT_USAGE;
    }
    fwrite(data, 1, len, out.file);
    free(data);
    if (!prt_output_commit(&out, &owhy)) {
        prt_output_report("planc map", owhy);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

/* --split pillar: the files written into the directory, one per pillar in the plan's order and then
 * the index (count: pillars + 1); malloc'd, freed with free_paths. */
static char **split_paths(const Plan *plan, const char *dir, const char *format)
{
    size_t n = plan->pillars.n;
    char **paths = xmalloc((n + 1) * sizeof paths[0]);
    for (size_t i = 0; i <= n; i++) {
        const char *name = i < n ? ((const Pillar *)plan->pillars.items[i])->e.id.name : "index";
        size_t size = strlen(dir) + strlen(name) + strlen(format) + 3;
        paths[i] = xmalloc(size);
        snprintf(paths[i], size, "%s/%s.%s", dir, name, format);
    }
    return paths;
}

static void free_paths(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

static const Plan *sorting_plan;   /* qsort's comparison has no room for it */

static int by_pillar_name(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const Pillar *p = sorting_plan->pillars.items[i], *q = sorting_plan->pillars.items[j];
    int c = strcasecmp(p->e.id.name, q->e.id.name);
    return c ? c : (i > j) - (i < j);
}

/* Two of --split's files that would be one: a pillar named index (in any case) and the index, or two
 * pillars whose names differ only in case, which are one file where case is ignored (macOS, Windows,
 * a shared drive).  Says which and returns true; the names are sorted, so a large plan is quick. */
static bool split_names_clash(const Plan *plan, char **paths)
{
    size_t n = plan->pillars.n;
    size_t *order = xmalloc((n ? n : 1) * sizeof order[0]);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sorting_plan = plan;
    qsort(order, n, sizeof order[0], by_pillar_name);
    bool clash = false;
    for (size_t k = 0; k < n && !clash; k++) {
        size_t i = order[k];
        const char *name = ((const Pillar *)plan->pillars.items[i])->e.id.name;
        if (strcmp(name, "index") == 0) {
            prt_errorf("planc map: error: --split pillar would write the pillar 'index' and the index both to "
                    "'%s'; rename the pillar\n", paths[n]);
            clash = true;
        } else if (strcasecmp(name, "index") == 0) {
            prt_errorf("planc map: error: --split pillar would write the pillar '%s' to '%s' and the index to "
                    "'%s', one file where case is ignored; rename the pillar\n", name, paths[i], paths[n]);
            clash = true;
        } else if (k + 1 < n && strcasecmp(name, ((const Pillar *)plan->pillars.items[order[k + 1]])->e.id.name) == 0) {
            size_t j = order[k + 1];
            prt_errorf("planc map: error: --split pillar would write the pillars '%s' and '%s' to '%s' and "
                    "'%s', one file where case is ignored; rename one of them\n",
                    ((const Pillar *)plan->pillars.items[i])->e.id.name,
                    ((const Pillar *)plan->pillars.items[j])->e.id.name, paths[i], paths[j]);
            clash = true;
        }
    }
    free(order);
    return clash;
}

/* --split pillar: every file checked first (nothing is written if one cannot be), then drawn. */
static int draw_split(const Plan *plan, const MapOptions *mo, const char *format, unsigned timeout, const char *dir,
                      const LoadedPlan *lp, const char *results)
{
    size_t n = plan->pillars.n;
    char **paths = split_paths(plan, dir, format);
    int status = EXIT_CLEAN;
    if (split_names_clash(plan, paths))
        status = EXIT_USAGE;
    for (size_t i = 0; i <= n && status == EXIT_CLEAN; i++)
        if (refuse_overwriting_input("map", "output", paths[i], lp, &results, 1))
            status = EXIT_USAGE;
    if (status == EXIT_CLEAN && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        prt_errorf("planc map: error: cannot create the directory '%s': %s\n", dir, strerror(errno));
        status = EXIT_USAGE;
    }
    for (size_t i = 0; i < n && status == EXIT_CLEAN; i++) {
        MapOptions one = *mo;
        one.pillar = plan->pillars.items[i];
        status = draw(plan, &one, format, timeout, paths[i]);
    }
    if (status == EXIT_CLEAN) {
        /* the index: every pillar and its themes, on one page */
        MapOptions index = *mo;
        index.detail = DETAIL_THEMES;
        index.ev = NULL;
        status = draw(plan, &index, format, timeout, paths[n]);
    }
    free_paths(paths, n + 1);
    return status;
}

/* What the command line asked for. */
typedef struct MapArgs {
    const char *plan_path, *output, *format, *pillar, *theme, *split, *results, *period, *detail;
    const char *diagnostics_format, *color;
    long timeout;
    prt_opt_list include;
} MapArgs;

static const char *const map_formats[] = {"svg", "png", "pdf", "dot", NULL};
static const char *const map_details[] = {"full", "outcomes", "themes", NULL};
static const char *const map_splits[] = {"pillar", NULL};

/* Reads the command line into a and --include-dir into dirs; -1 to go on, else the exit status. */
static int map_parse(MapArgs *a, IncludeDirs *dirs, int argc, char **argv)
{
    const prt_option options[] = {
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = "FILE", .required = true,
         .dest = &a->output, .help = "the output; its extension gives the format when -T is absent"},
        {.short_name = 'T', .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = map_formats, .dest = &a->format,
         .help = "svg, png, pdf, or dot (the graph planc built, to restyle)"},
        {.name = "detail", .kind = PRT_OPT_STRING, .metavar = "LEVEL", .choices = map_details, .dest = &a->detail,
         .help = "full (default), outcomes (no indicators or activities), themes"},
        {.name = "pillar", .kind = PRT_OPT_STRING, .metavar = "ID", .dest = &a->pillar, .help = "draw one pillar"},
        {.name = "theme", .kind = PRT_OPT_STRING, .metavar = "ID", .dest = &a->theme, .help = "draw one theme"},
        {.name = "split", .kind = PRT_OPT_STRING, .metavar = "pillar", .choices = map_splits, .dest = &a->split,
         .help = "one map per pillar in the directory -o names, plus index.FORMAT"},
        {.name = "results", .kind = PRT_OPT_STRING, .metavar = "FILE", .dest = &a->results,
         .help = "with --period: colour indicators by their rating, with its letters and the direction of travel"},
        {.name = "period", .kind = PRT_OPT_STRING, .metavar = "P", .dest = &a->period,
         .help = "the period of --results to rate"},
        {.name = "timeout", .kind = PRT_OPT_INT, .metavar = "SECONDS", .min = 1, .max = 3600, .dest = &a->timeout,
         .help = "stop a layout that takes longer (default 60)"},
        PRT_DIAGNOSTICS_FORMAT_OPTION(&a->diagnostics_format),
        PRT_COLOR_OPTION(&a->color),
        INCLUDE_DIR_OPTION(&a->include),
    };
    prt_command cmd = {
        .prog = "planc map",
        .synopsis = "PLAN -o FILE [-T svg|png|pdf|dot] [OPTIONS]",
        .description = "Draws the outcome map: a box per pillar and theme, the outcomes, the activities that deliver\n"
                       "them and the indicators that measure them.\n",
        .exit_status = "0 drawn, 1 errors in the plan or results, 2 usage, I/O or layout failure.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "PLAN",
        .min_args = 1,
        .max_args = 1,
    };
    return plan_command_parse(&cmd, "map", argc, argv, &a->include, dirs, &a->plan_path);
}

/* The output format, from -T or else the output's extension (svg for --split); NULL after a message. */
static const char *map_format(const MapArgs *a)
{
    const char *format = a->format ? a->format : a->split ? "svg" : format_from_name(a->output);
    if (valid_format(format))
        return format;
    if (format)
        prt_errorf("planc map: error: unknown format '%s'; use svg, png, pdf or dot\n", format);
    else
        prt_errorf("planc map: error: cannot tell the format from '%s'; name it with -T svg|png|pdf|dot\n", a->output);
    return NULL;
}

/* --detail's word, which the option table has checked. */
static MapDetail detail_level(const char *detail)
{
    return strcmp(detail, "outcomes") == 0 ? DETAIL_OUTCOMES : strcmp(detail, "themes") == 0 ? DETAIL_THEMES : DETAIL_FULL;
}

/* The command line's combinations that cannot be drawn; false after a message. */
static bool map_args_agree(const MapArgs *a)
{
    if ((a->results == NULL) != (a->period == NULL)) {
        prt_errorf("planc map: error: --results and --period go together\n");
        return false;
    }
    if (prt_same_file(a->output, a->plan_path) || prt_same_file(a->output, a->results)) {
        prt_errorf("planc map: error: the output '%s' is one of the inputs; refusing to overwrite it\n", a->output);
        return false;
    }
    return true;
}

/* The entity of that kind named id (--pillar, --theme), or NULL after a message. */
static const Entity *named_part(Plan *plan, EntityKind kind, const char *what, const char *id)
{
    Entity *e = plan_lookup(plan, arena_intern(&plan->arena, id, strlen(id)));
    if (e && e->kind == kind)
        return e;
    prt_errorf("planc map: error: the plan has no %s '%s'\n", what, id);
    return NULL;
}

/* --pillar and --theme into mo; false after a message. */
static bool map_part(Plan *plan, const MapArgs *a, MapOptions *mo)
{
    if (a->pillar && !(mo->pillar = (const Pillar *)named_part(plan, ENT_PILLAR, "pillar", a->pillar)))
        return false;
    if (a->theme && !(mo->theme = (const Theme *)named_part(plan, ENT_THEME, "theme", a->theme)))
        return false;
    return true;
}

/* One map to -o, or one per pillar in the directory -o names. */
static int draw_requested(const LoadedPlan *lp, const MapOptions *mo, const MapArgs *a, const char *format)
{
    unsigned timeout = (unsigned)a->timeout;
    if (a->split)
        return draw_split(&lp->plan, mo, format, timeout, a->output, lp, a->results);
    if (refuse_overwriting_input("map", "output", a->output, lp, &a->results, 1))
        return EXIT_USAGE;
    return draw(&lp->plan, mo, format, timeout, a->output);
}

/* Draws the map (or one per pillar) of the loaded plan, rated when --results is given: the results
 * go through the runtime's pipeline, as planc eval's do. */
static int map_plan(LoadedPlan *lp, const MapArgs *a, const char *format)
{
    Plan *plan = &lp->plan;
    MapOptions mo = {detail_level(a->detail), NULL, NULL, NULL, NULL};
    if (!map_part(plan, a, &mo))
        return EXIT_USAGE;
    prt_session session;
    memset(&session, 0, sizeof session);
    prt_run_options ro = {.progname = "planc map", .results = &a->results, .nresults = 1, .period = a->period, .output = a->output,
                          .diagnostics_format = a->diagnostics_format, .color = a->color};
    int status = EXIT_CLEAN;
    if (a->results) {
        status = prt_rate_results(&session, plan_tables(plan), &ro);
        mo.ev = session.evaluation;
    }
    if (status == EXIT_CLEAN)
        status = draw_requested(lp, &mo, a, format);
    prt_session_close(&session);
    return status;
}

static int map_with(const MapArgs *a, const IncludeDirs *dirs)
{
    const char *format = map_format(a);
    if (!format || !map_args_agree(a))
        return EXIT_USAGE;
    LoadedPlan lp;
    int status = loaded_plan_open_as(&lp, a->plan_path, dirs, a->diagnostics_format, a->color);
    if (status == EXIT_CLEAN)
        status = map_plan(&lp, a, format);
    loaded_plan_free(&lp);
    return status;
}

int cmd_map(int argc, char **argv)
{
    MapArgs a = {.detail = "full", .timeout = 60};
    IncludeDirs dirs = {0};
    int status = map_parse(&a, &dirs, argc, argv);
    if (status < 0)
        status = map_with(&a, &dirs);
    include_dirs_free(&dirs);
    return status;
}
