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

static void usage(FILE *out)
{
    fputs("usage: planc map PLAN -o FILE [-T svg|png|pdf|dot] [options]\n"
          "\n"
          "Draws the outcome map: a box per pillar and theme, the outcomes, the activities that deliver\n"
          "them and the indicators that measure them.\n"
          "\n"
          "  -o FILE              the output; its extension gives the format when -T is absent\n"
          "  -T FORMAT            svg, png, pdf, or dot (the graph planc built, to restyle)\n"
          "  --detail LEVEL       full (default), outcomes (no indicators or activities), themes\n"
          "  --pillar ID          draw one pillar\n"
          "  --theme ID           draw one theme\n"
          "  --split pillar       one map per pillar in the directory -o names, plus index.FORMAT\n"
          "  --results FILE --period P\n"
          "                       colour indicators by their rating, with its letters and the direction of travel\n"
          "  --diagnostics-format=FORMAT, --color=WHEN\n"
          "                       the results' problems as text, json, sarif or github; coloured auto, always, never\n"
          "  --timeout SECONDS    stop a layout that takes longer (default 60)\n" INCLUDE_DIR_HELP
          "Exit status: 0 drawn, 1 errors in the plan or results, 2 usage, I/O or layout failure.\n",
          out);
}

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

static int map_with(int argc, char **argv, const IncludeDirs *dirs)
{
    const char *plan_path = NULL, *output = NULL, *format = NULL, *pillar = NULL, *theme = NULL, *split = NULL;
    const char *results = NULL, *period = NULL, *detail = "full", *diagnostics_format = NULL, *color = NULL;
    long timeout = 60;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return EXIT_CLEAN;
        }
        if (strcmp(a, "-o") == 0)
            slot = &output;
        else if (strcmp(a, "-T") == 0)
            slot = &format;
        else if (strcmp(a, "--pillar") == 0)
            slot = &pillar;
        else if (strcmp(a, "--theme") == 0)
            slot = &theme;
        else if (strcmp(a, "--split") == 0)
            slot = &split;
        else if (strcmp(a, "--results") == 0)
            slot = &results;
        else if (strcmp(a, "--period") == 0)
            slot = &period;
        else if (strcmp(a, "--detail") == 0)
            slot = &detail;
        else if (strncmp(a, "--diagnostics-format=", 21) == 0 || strncmp(a, "--color=", 8) == 0) {
            *(a[2] == 'd' ? &diagnostics_format : &color) = strchr(a, '=') + 1;
            continue;
        }
        else if (strcmp(a, "--timeout") == 0) {
            char *end;
            if (i + 1 >= argc || (timeout = strtol(argv[i + 1], &end, 10), *end) || timeout < 1 || timeout > 3600) {
                prt_errorf("planc map: error: --timeout takes a number of seconds from 1 to 3600\n");
                return EXIT_USAGE;
            }
            i++;
            continue;
        } else if (a[0] == '-' && a[1]) {
            prt_errorf("planc map: error: unknown option '%s'\n", a);
            usage(stderr);
            return EXIT_USAGE;
        } else if (plan_path) {
            prt_errorf("planc map: error: one plan at a time\n");
            return EXIT_USAGE;
        } else {
            plan_path = a;
            continue;
        }
        if (i + 1 >= argc) {
            prt_errorf("planc map: error: %s needs a value\n", a);
            return EXIT_USAGE;
        }
        *slot = argv[++i];
    }
    if (!plan_path || !output) {
        prt_errorf("planc map: error: usage: planc map PLAN -o FILE [-T svg|png|pdf|dot]\n");
        return EXIT_USAGE;
    }
    if (split && strcmp(split, "pillar") != 0) {
        prt_errorf("planc map: error: --split takes 'pillar'\n");
        return EXIT_USAGE;
    }
    if (!format && !split)
        format = format_from_name(output);
    if (!format && split)
        format = "svg";
    if (!valid_format(format)) {
        if (format)
            prt_errorf("planc map: error: unknown format '%s'; use svg, png, pdf or dot\n", format);
        else
            prt_errorf("planc map: error: cannot tell the format from '%s'; name it with -T svg|png|pdf|dot\n", output);
        return EXIT_USAGE;
    }
    MapDetail level;
    if (strcmp(detail, "full") == 0)
        level = DETAIL_FULL;
    else if (strcmp(detail, "outcomes") == 0)
        level = DETAIL_OUTCOMES;
    else if (strcmp(detail, "themes") == 0)
        level = DETAIL_THEMES;
    else {
        prt_errorf("planc map: error: --detail takes full, outcomes or themes\n");
        return EXIT_USAGE;
    }
    if ((results == NULL) != (period == NULL)) {
        prt_errorf("planc map: error: --results and --period go together\n");
        return EXIT_USAGE;
    }
    if (same_file(output, plan_path) || same_file(output, results)) {
        prt_errorf("planc map: error: the output '%s' is one of the inputs; refusing to overwrite it\n", output);
        return EXIT_USAGE;
    }

    LoadedPlan lp;
    int status = loaded_plan_open(&lp, plan_path, dirs);
    if (status != EXIT_CLEAN) {
        loaded_plan_free(&lp);
        return status;
    }
    Plan *plan = &lp.plan;
    MapOptions mo = {level, NULL, NULL, NULL, NULL};
    if (pillar) {
        Entity *e = plan_lookup(plan, arena_intern(&plan->arena, pillar, strlen(pillar)));
        if (!e || e->kind != ENT_PILLAR) {
            prt_errorf("planc map: error: the plan has no pillar '%s'\n", pillar);
            loaded_plan_free(&lp);
            return EXIT_USAGE;
        }
        mo.pillar = (const Pillar *)e;
    }
    if (theme) {
        Entity *e = plan_lookup(plan, arena_intern(&plan->arena, theme, strlen(theme)));
        if (!e || e->kind != ENT_THEME) {
            prt_errorf("planc map: error: the plan has no theme '%s'\n", theme);
            loaded_plan_free(&lp);
            return EXIT_USAGE;
        }
        mo.theme = (const Theme *)e;
    }
    /* the results go through the runtime's pipeline, as planc eval's do */
    prt_session session;
    memset(&session, 0, sizeof session);
    prt_run_options ro = {.progname = "planc map", .results = results, .period = period, .output = output,
                          .diagnostics_format = diagnostics_format, .color = color};
    if (results) {
        status = prt_rate_results(&session, plan_tables(plan), &ro);
        if (status != EXIT_CLEAN) {
            prt_session_close(&session);
            loaded_plan_free(&lp);
            return status;
        }
        mo.ev = session.evaluation;
    }

    if (split)
        status = draw_split(plan, &mo, format, (unsigned)timeout, output, &lp, results);
    else if (refuse_overwriting_input("map", "output", output, &lp, &results, 1))
        status = EXIT_USAGE;
    else
        status = draw(plan, &mo, format, (unsigned)timeout, output);
    prt_session_close(&session);
    loaded_plan_free(&lp);
    return status;
}

int cmd_map(int argc, char **argv) { return with_include_dirs("map", argc, argv, map_with); }
