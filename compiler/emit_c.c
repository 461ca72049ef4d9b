/* The C back end (emit_c.h): a plan's tables as C11 source; every string goes through emit_c_escape.c. */
#include "emit_c.h"
#include "driver.h"
#include "emit_c_escape.h"
#include "emit_c_parts.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* A string of the plan as a C expression (emit_c_escape.c): any bytes, any length. */
void emit_lit(FILE *out, const char *s)
{
    c_string(out, s, "        ");
}

/* Doubles round-trip exactly with 17 significant digits. */
void emit_num(FILE *out, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    /* keep it a floating constant so that integer-looking values are not ints */
    fputs(buf, out);
    if (!strpbrk(buf, ".eEn"))
        fputs(".0", out);
}

void emit_period(FILE *out, prt_period p)
{
    static const char *const kinds[] = {"PRT_YEAR", "PRT_HALF", "PRT_QUARTER", "PRT_MONTH"};
    fprintf(out, "{%d, %s, %d}", p.year, kinds[p.kind], p.index);
}

static void target(FILE *out, const prt_target *t)
{
    fputs("{", out);
    emit_period(out, t->period);
    fprintf(out, ", %s, %s, ", prt_target_kind_c_names[t->kind], prt_cmp_c_names[t->op]);
    emit_num(out, t->value);
    fprintf(out, ", %d, %s, ", t->benchmark, t->has_tolerance ? "true" : "false");
    emit_num(out, t->tolerance);
    fputs(", ", out);
    emit_lit(out, t->note);
    fprintf(out, ", %s", t->within_interval ? "true" : "false");
    fputs(", ", out);
    emit_lit(out, t->reason);
    fputs("}", out);
}

/* What the emitter relies on: the checker rejects formulas deeper than PRT_MAX_FORMULA_DEPTH (E038),
 * tables.c writes well-formed formula code, cmd_compile.c refuses header names an #include cannot
 * carry.  Anything else is planc's own bug, and C that means something else must not be written. */
static void invariant(bool holds, const char *what)
{
    if (!holds) {
        prt_errorf("planc: internal error: %s\n", what);
        abort();
    }
}

/* The formula as straight-line C: one temporary per operation, in the order the interpreter's
 * stack machine performs them, with the same checks and the same messages. */
static void formula_fn(FILE *out, int index, const prt_indicator *in)
{
    fprintf(out, "static bool formula_%d(const prt_values *v, double *out, const char **why)\n{\n", index);
    bool uses_v = false, checks = false;
    for (int k = 0; k < in->nformula; k++) {
        uses_v |= in->formula[k].op == PRT_OP_INDICATOR || in->formula[k].op == PRT_OP_INPUT;
        checks |= in->formula[k].op != PRT_OP_NUM && in->formula[k].op != PRT_OP_NEG;
    }
    if (!uses_v)
        fputs("    (void)v;\n", out);
    if (!checks)
        fputs("    (void)why;\n", out);
    int stack[PRT_MAX_FORMULA_DEPTH], sp = 0;   /* the temporaries in flight, as the interpreter's stack */
    for (int k = 0; k < in->nformula; k++) {
        const prt_op *op = &in->formula[k];
        switch (op->op) {
        case PRT_OP_NUM:
            fprintf(out, "    double t%d = ", k);
            emit_num(out, op->num);
            fputs(";\n", out);
            break;
        case PRT_OP_INDICATOR:
            fprintf(out, "    if (!v->has_indicator[%d]) {\n        *why = \"an indicator the formula uses has no value for "
                         "the period\";\n        return false;\n    }\n    double t%d = v->indicator[%d];\n",
                    op->index, k, op->index);
            break;
        case PRT_OP_INPUT:
            fprintf(out, "    if (!v->has_input[%d]) {\n        *why = \"an input the formula uses has no value for "
                         "the period\";\n        return false;\n    }\n    double t%d = v->input[%d];\n",
                    op->index, k, op->index);
            break;
        case PRT_OP_NEG:
            invariant(sp >= 1, "a formula's negation has no operand");
            fprintf(out, "    double t%d = -t%d;\n", k, stack[--sp]);
            break;
        default: {
            invariant(sp >= 2, "a formula's operation has too few operands");
            int b = stack[--sp], a = stack[--sp];
            if (op->op == PRT_OP_DIV)
                fprintf(out, "    if (t%d == 0) {\n        *why = \"the formula divides by zero\";\n        return false;\n    }\n", b);
            fprintf(out, "    double t%d = t%d %c t%d;\n", k, a,
                    op->op == PRT_OP_ADD ? '+' : op->op == PRT_OP_SUB ? '-' : op->op == PRT_OP_MUL ? '*' : '/', b);
            fprintf(out, "    if (!isfinite(t%d)) {\n        *why = \"the formula's value is out of range\";\n        return false;\n    }\n", k);
            break;
        }
        }
        invariant(sp < PRT_MAX_FORMULA_DEPTH, "a formula deeper than the checker allows");
        stack[sp++] = k;
    }
    invariant(sp == 1, "a formula leaves other than one value");
    fprintf(out, "    *out = t%d;\n    return true;\n}\n\n", in->nformula - 1);
}

/* The opening of the generated comment: the plan's path is anybody's bytes (a directory named to end
 * the comment and define a constructor was finding 1 of "Hardening II"), so it goes in escaped. */
static void generated_by(FILE *out, const EmitOptions *opt)
{
    fprintf(out, "/* Generated by planc %s from ", PLANC_VERSION);
    if (opt->source_name)
        c_comment_text(out, opt->source_name);
    else
        fputs("a plan", out);
}

void emit_c_header(FILE *out, const EmitOptions *opt)
{
    const char *p = opt->prefix ? opt->prefix : "plan";
    generated_by(out, opt);
    fprintf(out, ". Do not edit. */\n#ifndef %s_EVAL_H\n#define %s_EVAL_H\n\n#include \"planrt.h\"\n\n", p, p);
    fprintf(out, "/* The plan's tables. */\nextern const prt_plan %s_plan;\n\n", p);
    fprintf(out, "/* Rates every indicator for the period; free the result with prt_evaluation_free. */\n"
                 "prt_evaluation *%s_evaluate(const prt_results *results, prt_period period);\n"
                 "/* Rates the n periods up to period (a report over time); free it with prt_history_free. */\n"
                 "prt_history *%s_history(const prt_results *results, prt_period period, int n);\n\n#endif\n", p, p);
}

/* The opening comment and the includes. */
static void prologue(FILE *out, const EmitOptions *opt, bool packed)
{
    generated_by(out, opt);
    fputs(". Do not edit.\n * Link with libplanrt: cc -std=c11 THIS.c -lplanrt -lm", out);
    if (packed)
        fputs("\n * The themes, outcomes, indicators and activities are packed, for a fast compile (runtime/packed.h);\n"
              " * planc compile --tables readable writes them as C structs, one initialiser each.", out);
    fputs(" */\n", out);
    if (opt->library && opt->header_name) {
        /* no escapes exist in an #include: cmd_compile.c refuses the names that would need one */
        invariant(c_include_name_ok(opt->header_name), "a header name an #include cannot carry");
        fprintf(out, "#include \"%s\"\n", opt->header_name);
    }
    fputs("#include \"planrt.h\"\n\n#include <math.h>\n#include <stdbool.h>\n#include <stddef.h>\n\n", out);
}

/* {id, name}: a pillar, a benchmark, an input. */
static void id_and_name(FILE *out, const char *id, const char *name)
{
    fputs("    {", out);
    emit_lit(out, id);
    fputs(", ", out);
    emit_lit(out, name);
}

static void pillars(FILE *out, const prt_plan *plan)
{
    fputs("static const prt_pillar pillars[] = {\n", out);
    for (int i = 0; i < plan->npillars; i++) {
        id_and_name(out, plan->pillars[i].id, plan->pillars[i].name);
        fputs("},\n", out);
    }
    if (!plan->npillars)
        fputs("    {NULL, NULL},\n", out);
    fputs("};\n\n", out);
}

static void themes_and_outcomes(FILE *out, const prt_plan *plan)
{
    fputs("static const prt_theme themes[] = {\n", out);
    for (int i = 0; i < plan->nthemes; i++) {
        id_and_name(out, plan->themes[i].id, plan->themes[i].name);
        fprintf(out, ", %d, %s, ", plan->themes[i].pillar, plan->themes[i].transformation ? "true" : "false");
        emit_lit(out, plan->themes[i].owner);
        fputs("},\n", out);
    }
    if (!plan->nthemes)
        fputs("    {NULL, NULL, 0, false, NULL},\n", out);
    fputs("};\n\nstatic const prt_outcome outcomes[] = {\n", out);
    for (int i = 0; i < plan->noutcomes; i++) {
        id_and_name(out, plan->outcomes[i].id, plan->outcomes[i].name);
        fprintf(out, ", %d},\n", plan->outcomes[i].theme);
    }
    if (!plan->noutcomes)
        fputs("    {NULL, NULL, 0},\n", out);
    fputs("};\n\n", out);
}

/* A band's condition, as its initializer: {PRT_COND_DIRECTION, 6, true, false}. */
static void emit_condition(FILE *out, const prt_condition *c)
{
    static const char *const kinds[] = {"PRT_COND_NONE", "PRT_COND_DIRECTION", "PRT_COND_FORECAST"};
    fprintf(out, "{%s, %u, %s, %s}", kinds[c->kind], (unsigned)c->dirs, c->negated ? "true" : "false",
            c->previous ? "true" : "false");
}

static const char *edge_c_name(prt_edge e)
{
    static const char *const names[] = {"PRT_EDGE_METHOD", "PRT_EDGE_PER_INDICATOR", "PRT_EDGE_WITHIN_TOLERANCE",
                                        "PRT_EDGE_ABOVE_TOLERANCE", "PRT_EDGE_ABOVE"};
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : names[0];
}

/* A band's colour, symbol and monitor flag (issue 21): every field written, as -Wextra asks. */
static void band_look(FILE *out, const prt_band *bd)
{
    fprintf(out, ", %s, ", prt_colour_c_names[bd->colour]);
    emit_lit(out, bd->symbol);
    fprintf(out, ", %s", bd->monitor ? "true" : "false");
}

static void scheme_bands(FILE *out, int s, const prt_scheme *scheme)
{
    fprintf(out, "static const prt_band scheme%d_bands[] = {\n", s);
    for (int b = 0; b < scheme->nbands; b++) {
        const prt_band *bd = &scheme->bands[b];
        id_and_name(out, bd->id, bd->label);
        fputs(", ", out);
        emit_lit(out, bd->abbrev);
        fputs(", ", out);
        emit_num(out, bd->threshold);
        fprintf(out, ", %s, ", bd->otherwise ? "true" : "false");
        emit_condition(out, &bd->cond);
        fprintf(out, ", %s", edge_c_name(bd->edge));
        band_look(out, bd);
        fputs("},\n", out);
    }
    if (!scheme->nbands)
        fputs("    {NULL, NULL, NULL, 0.0, true, {PRT_COND_NONE, 0, false, false}, PRT_EDGE_METHOD, PRT_COLOUR_AUTO, NULL, false},\n", out);
    fputs("};\n\n", out);
}

static void schemes(FILE *out, const prt_plan *plan)
{
    for (int s = 0; s < plan->nschemes; s++)
        scheme_bands(out, s, &plan->schemes[s]);
    fputs("static const prt_scheme schemes[] = {\n", out);
    for (int s = 0; s < plan->nschemes; s++) {
        id_and_name(out, plan->schemes[s].id, plan->schemes[s].name);
        fprintf(out, ", %s, %d, scheme%d_bands, %d},\n", prt_method_c_names[plan->schemes[s].method],
                plan->schemes[s].nbands, s, plan->schemes[s].target_band);
    }
    if (!plan->nschemes)
        fputs("    {NULL, NULL, PRT_METHOD_NONE, 0, NULL, 0},\n", out);
    fputs("};\n\n", out);
}

static void named_list(FILE *out, const char *array, const prt_named *list, int n)
{
    fprintf(out, "static const prt_named %s[] = {\n", array);
    for (int i = 0; i < n; i++) {
        id_and_name(out, list[i].id, list[i].name);
        fputs("},\n", out);
    }
    if (!n)
        fputs("    {NULL, NULL},\n", out);
    fputs("};\n\n", out);
}

/* ---- an indicator's arrays: ind<i>_targets, _amendments, _revisions, _bench, _results, _formula ---- */

static void targets_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_target ind%d_targets[] = {\n", i);
    for (int k = 0; k < in->ntargets; k++) {
        fputs("    ", out);
        target(out, &in->targets[k]);
        fputs(",\n", out);
    }
    fputs("};\n", out);
}

static void amendments_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_amendment ind%d_amendments[] = {\n", i);
    for (int k = 0; k < in->namendments; k++) {
        const prt_amendment *a = &in->amendments[k];
        fputs("    {", out);
        emit_period(out, a->period);
        fputs(", ", out);
        target(out, &a->to);
        fputs(", ", out);
        emit_period(out, a->from);
        fputs(", ", out);
        emit_lit(out, a->reason);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void revisions_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_revision ind%d_revisions[] = {\n", i);
    for (int k = 0; k < in->nrevisions; k++) {
        fputs("    {", out);
        emit_period(out, in->revisions[k].period);
        fputs(", ", out);
        emit_lit(out, in->revisions[k].reason);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void bench_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_bench_value ind%d_bench[] = {\n", i);
    for (int k = 0; k < in->nbench; k++) {
        fprintf(out, "    {%d, ", in->bench[k].benchmark);
        emit_period(out, in->bench[k].period);
        fputs(", ", out);
        emit_num(out, in->bench[k].value);
        fputs(", ", out);
        emit_lit(out, in->bench[k].note);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void results_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_plan_result ind%d_results[] = {\n", i);
    for (int k = 0; k < in->nresults; k++) {
        const prt_plan_result *r = &in->results[k];
        fputs("    {", out);
        emit_period(out, r->period);
        fprintf(out, ", %s, ", prt_result_status_c_names[r->status]);
        emit_num(out, r->value);
        fprintf(out, ", %s, ", r->restated ? "true" : "false");
        emit_num(out, r->original);
        fputs(", ", out);
        emit_lit(out, r->rated);
        fputs(", ", out);
        emit_lit(out, r->note);
        fprintf(out, ", %s, ", r->has_interval ? "true" : "false");
        emit_num(out, r->lower);
        fputs(", ", out);
        emit_num(out, r->upper);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void thresholds_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_threshold ind%d_thresholds[] = {\n", i);
    for (int k = 0; k < in->nthresholds; k++) {
        const prt_threshold *t = &in->thresholds[k];
        fprintf(out, "    {%d, %s, ", t->band, t->dated ? "true" : "false");
        emit_period(out, t->period);
        fputs(", ", out);
        emit_num(out, t->value);
        fputs(", ", out);
        emit_lit(out, t->note);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void expects_array(FILE *out, int i, const prt_indicator *in)
{
    fprintf(out, "static const prt_expect ind%d_expects[] = {\n", i);
    for (int k = 0; k < in->nexpects; k++) {
        fputs("    {", out);
        emit_period(out, in->expects[k].period);
        fputs(", ", out);
        emit_num(out, in->expects[k].value);
        fputs(", ", out);
        emit_lit(out, in->expects[k].note);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void formula_array(FILE *out, int i, const prt_indicator *in)
{
    static const char *const ops[] = {"PRT_OP_NUM", "PRT_OP_INDICATOR", "PRT_OP_INPUT", "PRT_OP_NEG",
                                      "PRT_OP_ADD", "PRT_OP_SUB", "PRT_OP_MUL", "PRT_OP_DIV"};
    fprintf(out, "static const prt_op ind%d_formula[] = {\n", i);
    for (int k = 0; k < in->nformula; k++) {
        fprintf(out, "    {%s, ", ops[in->formula[k].op]);
        emit_num(out, in->formula[k].num);
        fprintf(out, ", %d},\n", in->formula[k].index);
    }
    fputs("};\n", out);
}

/* The arrays an indicator's entry points to, those it has, and its formula's function. */
static void indicator_arrays(FILE *out, int i, const prt_indicator *in)
{
    if (in->ntargets)
        targets_array(out, i, in);
    if (in->namendments)
        amendments_array(out, i, in);
    if (in->nrevisions)
        revisions_array(out, i, in);
    if (in->nbench)
        bench_array(out, i, in);
    if (in->nresults)
        results_array(out, i, in);
    if (in->nthresholds)
        thresholds_array(out, i, in);
    if (in->nexpects)
        expects_array(out, i, in);
    if (in->nformula) {
        formula_array(out, i, in);
        formula_fn(out, i, in);
    }
}

/* ", .ntargets = 2, .targets = ind3_targets" (NULL when there are none); lead is what comes before. */
static void array_field(FILE *out, const char *lead, const char *field, int n, int i)
{
    fprintf(out, "%s.n%s = %d, .%s = ", lead, field, n, field);
    if (n)
        fprintf(out, "ind%d_%s", i, field);
    else
        fputs("NULL", out);
}

/* The scalar fields of an indicator's entry: names, polarity, unit, frequency, tolerance, baseline. */
static void indicator_fields(FILE *out, const prt_indicator *in)
{
    fputs("    {\n        .id = ", out);
    emit_lit(out, in->id);
    fputs(",\n        .ref = ", out);
    emit_lit(out, in->ref);
    fputs(",\n        .name = ", out);
    emit_lit(out, in->name);
    fputs(",\n        .kind = ", out);
    emit_lit(out, in->kind);
    fprintf(out, ",\n        .theme = %d, .polarity = %s, .direction = %s, .unit = %s, .unit_per = ", in->theme,
            prt_polarity_c_names[in->polarity], prt_polarity_c_names[in->direction], prt_unit_c_names[in->unit]);
    emit_num(out, in->unit_per);
    fputs(", .unit_custom = ", out);
    emit_lit(out, in->unit_custom);
    fprintf(out, ",\n        .decimals = %d, .frequency = %s, .accumulates = %s, .arrears = %d, .scheme = %d,\n",
            in->decimals, prt_frequency_c_names[in->frequency], prt_accumulation_c_names[in->accumulates],
            in->arrears, in->scheme);
    fprintf(out, "        .has_tolerance = %s, .tolerance = ", in->has_tolerance ? "true" : "false");
    emit_num(out, in->tolerance);
    fprintf(out, ", .has_baseline = %s, .baseline = ", in->has_baseline ? "true" : "false");
    emit_num(out, in->baseline);
    fputs(", .baseline_period = ", out);
    emit_period(out, in->baseline_period);
    fputs(",\n        .owner = ", out);
    emit_lit(out, in->owner);
    fputs(", .committee = ", out);
    emit_lit(out, in->committee);
    fputs(", .source = ", out);
    emit_lit(out, in->source);
    fprintf(out, ",\n        .outcome = %d, .jump = ", in->outcome);
    emit_num(out, in->jump);
    fprintf(out, ", .tolerance_of_target = %s,\n", in->tolerance_of_target ? "true" : "false");
}

static void indicator_entry(FILE *out, int i, const prt_indicator *in)
{
    indicator_fields(out, in);
    array_field(out, "        ", "targets", in->ntargets, i);
    array_field(out, ", ", "amendments", in->namendments, i);
    array_field(out, ",\n        ", "revisions", in->nrevisions, i);
    array_field(out, ", ", "bench", in->nbench, i);
    array_field(out, ", ", "results", in->nresults, i);
    array_field(out, ",\n        ", "thresholds", in->nthresholds, i);
    if (in->nexpects)
        array_field(out, ",\n        ", "expects", in->nexpects, i);
    if (in->nformula)
        fprintf(out, ",\n        .nformula = %d, .formula = ind%d_formula, .formula_fn = formula_%d", in->nformula, i, i);
    fputs(",\n    },\n", out);
}

static void indicators(FILE *out, const prt_plan *plan)
{
    for (int i = 0; i < plan->nindicators; i++)
        indicator_arrays(out, i, &plan->indicators[i]);
    fputs("\nstatic const prt_indicator indicators[] = {\n", out);
    for (int i = 0; i < plan->nindicators; i++)
        indicator_entry(out, i, &plan->indicators[i]);
    if (!plan->nindicators)
        fputs("    {.name = NULL},\n", out);
    fputs("};\n\n", out);
}

/* The prt_plan itself, pointing at the arrays above; packed, its big tables are left for
 * prt_plan_unpack to fill. */
static void plan_struct(FILE *out, const prt_plan *plan, const EmitOptions *opt, const char *p, bool packed)
{
    fprintf(out, "%sconst prt_plan %s_plan = {\n    .name = ", opt->library ? "" : "static ", p);
    emit_lit(out, plan->name);
    fputs(",\n    .organisation = ", out);
    emit_lit(out, plan->organisation);
    fprintf(out, ",\n    .first_year = %d, .last_year = %d, .default_scheme = %d,\n", plan->first_year, plan->last_year,
            plan->default_scheme);
    fprintf(out, "    .npillars = %d, .nthemes = %d, .nindicators = %d, .nschemes = %d, .nbenchmarks = %d, .ninputs = %d,\n",
            plan->npillars, plan->nthemes, plan->nindicators, plan->nschemes, plan->nbenchmarks, plan->ninputs);
    fprintf(out, "    .names_distinct = %s,\n", plan->names_distinct ? "true" : "false");
    fprintf(out, "    .pillars = pillars, .themes = %s, .indicators = %s, .schemes = schemes,\n"
                 "    .benchmarks = benchmarks, .inputs = inputs,\n",
            packed ? "NULL" : "themes", packed ? "NULL" : "indicators");
    fprintf(out, "    .noutcomes = %d, .outcomes = %s,\n    .version = ", plan->noutcomes, packed ? "NULL" : "outcomes");
    emit_lit(out, plan->version);
    fputs(", .digest = ", out);
    emit_lit(out, plan->digest);
    fprintf(out, ",\n    .dot_basis = %s, .forecast = %s, .jump = ", prt_dot_basis_c_names[plan->dot_basis],
            prt_forecast_rule_c_names[plan->forecast]);
    emit_num(out, plan->jump);
    fprintf(out, ", .stale_years = %d,\n", plan->stale_years);
    fprintf(out, "    .ndelivery = %d, .default_delivery = %d, .nactivities = %d,\n"
                 "    .delivery = delivery_schemes, .activities = %s,\n};\n\n",
            plan->ndelivery, plan->default_delivery, plan->nactivities, packed ? "NULL" : "activities");
}

/* A library gets p_evaluate() and p_history(); a program gets main(). */
static void entry_point(FILE *out, const EmitOptions *opt, const char *p, bool packed)
{
    if (opt->library) {
        fprintf(out, "prt_evaluation *%s_evaluate(const prt_results *results, prt_period period)\n{\n"
                     "    return prt_evaluate(&%s_plan, results, period);\n}\n\n"
                     "prt_history *%s_history(const prt_results *results, prt_period period, int n)\n{\n"
                     "    return prt_history_evaluate(&%s_plan, results, period, n);\n}\n",
                p, p, p, p);
        return;
    }
    fputs("int main(int argc, char **argv)\n{\n"
          "#ifdef PLANRT_XLSX /* .xlsx returns and --format xlsx: link libplanrt_xlsx (planc build --xlsx) */\n"
          "    prt_xlsx_enable();\n#endif\n",
          out);
    if (packed)
        fprintf(out, "    const prt_packed packed = {&%s_plan, packed_data, packed_ndata, packed_strings, packed_formulas};\n"
                     "    return prt_main_packed(&packed, argc, argv);\n}\n", p);
    else
        fprintf(out, "    return prt_main(&%s_plan, argc, argv);\n}\n", p);
}

bool emit_c_packs(const prt_plan *plan, const EmitOptions *opt)
{
    if (opt->library || opt->tables == EMIT_TABLES_READABLE)
        return false;
    return opt->tables == EMIT_TABLES_PACKED || plan->nindicators + plan->nactivities > EMIT_C_PACK_ABOVE;
}

/* Packed, the tables a large plan has many of go into emit_c_packed.c's stream; the formulas stay
 * functions, and the small tables stay readable. */
void emit_c(FILE *out, const prt_plan *plan, const EmitOptions *opt)
{
    const char *p = opt->prefix ? opt->prefix : "plan";
    bool packed = emit_c_packs(plan, opt);
    prologue(out, opt, packed);
    pillars(out, plan);
    if (!packed)
        themes_and_outcomes(out, plan);
    schemes(out, plan);
    named_list(out, "benchmarks", plan->benchmarks, plan->nbenchmarks);
    named_list(out, "inputs", plan->inputs, plan->ninputs);
    if (packed) {
        for (int i = 0; i < plan->nindicators; i++)
            if (plan->indicators[i].nformula)
                formula_fn(out, i, &plan->indicators[i]);
        emit_c_delivery_schemes(out, plan);
        emit_c_packed(out, plan);
    } else {
        indicators(out, plan);
        emit_c_delivery_schemes(out, plan);
        emit_c_activities(out, plan);
    }
    plan_struct(out, plan, opt, p, packed);
    entry_point(out, opt, p, packed);
}
