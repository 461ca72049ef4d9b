/* The C back end (emit_c.h): a plan's tables as C11 source; every string goes through emit_c_escape.c. */
#include "emit_c.h"
#include "driver.h"
#include "emit_c_escape.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* A string of the plan as a C expression (emit_c_escape.c): any bytes, any length. */
static void lit(FILE *out, const char *s)
{
    c_string(out, s, "        ");
}

/* Doubles round-trip exactly with 17 significant digits. */
static void num(FILE *out, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    /* keep it a floating constant so that integer-looking values are not ints */
    fputs(buf, out);
    if (!strpbrk(buf, ".eEn"))
        fputs(".0", out);
}

static void period(FILE *out, prt_period p)
{
    static const char *const kinds[] = {"PRT_YEAR", "PRT_HALF", "PRT_QUARTER", "PRT_MONTH"};
    fprintf(out, "{%d, %s, %d}", p.year, kinds[p.kind], p.index);
}

static const char *target_kind(prt_target_kind k)
{
    static const char *const names[] = {"PRT_TARGET_VALUE", "PRT_TARGET_THRESHOLD", "PRT_TARGET_MONITOR",
                                        "PRT_TARGET_MAINTAIN", "PRT_TARGET_BENCHMARK"};
    return names[k];
}

static const char *cmp_name(prt_cmp c)
{
    static const char *const names[] = {"PRT_CMP_GE", "PRT_CMP_GT", "PRT_CMP_LE", "PRT_CMP_LT"};
    return names[c];
}

static void target(FILE *out, const prt_target *t)
{
    fputs("{", out);
    period(out, t->period);
    fprintf(out, ", %s, %s, ", target_kind(t->kind), cmp_name(t->op));
    num(out, t->value);
    fprintf(out, ", %d, %s, ", t->benchmark, t->has_tolerance ? "true" : "false");
    num(out, t->tolerance);
    fputs(", ", out);
    lit(out, t->note);
    fputs("}", out);
}

static const char *status_name(prt_result_status s)
{
    static const char *const names[] = {"PRT_RESULT_NONE", "PRT_RESULT_VALUE", "PRT_RESULT_NOT_AVAILABLE",
                                        "PRT_RESULT_NOT_YET_AVAILABLE"};
    return names[s];
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
            num(out, op->num);
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
                 "prt_evaluation *%s_evaluate(const prt_results *results, prt_period period);\n\n#endif\n", p);
}

void emit_c(FILE *out, const prt_plan *plan, const EmitOptions *opt)
{
    const char *p = opt->prefix ? opt->prefix : "plan";
    generated_by(out, opt);
    fputs(". Do not edit.\n * Link with libplanrt: cc -std=c11 THIS.c -lplanrt -lm */\n", out);
    if (opt->library && opt->header_name) {
        /* no escapes exist in an #include: cmd_compile.c refuses the names that would need one */
        invariant(c_include_name_ok(opt->header_name), "a header name an #include cannot carry");
        fprintf(out, "#include \"%s\"\n", opt->header_name);
    }
    fputs("#include \"planrt.h\"\n\n#include <math.h>\n#include <stdbool.h>\n#include <stddef.h>\n\n", out);

    fputs("static const prt_pillar pillars[] = {\n", out);
    for (int i = 0; i < plan->npillars; i++) {
        fputs("    {", out);
        lit(out, plan->pillars[i].id);
        fputs(", ", out);
        lit(out, plan->pillars[i].name);
        fputs("},\n", out);
    }
    if (!plan->npillars)
        fputs("    {NULL, NULL},\n", out);
    fputs("};\n\nstatic const prt_theme themes[] = {\n", out);
    for (int i = 0; i < plan->nthemes; i++) {
        fputs("    {", out);
        lit(out, plan->themes[i].id);
        fputs(", ", out);
        lit(out, plan->themes[i].name);
        fprintf(out, ", %d, %s},\n", plan->themes[i].pillar, plan->themes[i].transformation ? "true" : "false");
    }
    if (!plan->nthemes)
        fputs("    {NULL, NULL, 0, false},\n", out);
    fputs("};\n\n", out);

    for (int s = 0; s < plan->nschemes; s++) {
        fprintf(out, "static const prt_band scheme%d_bands[] = {\n", s);
        for (int b = 0; b < plan->schemes[s].nbands; b++) {
            const prt_band *bd = &plan->schemes[s].bands[b];
            fputs("    {", out);
            lit(out, bd->id);
            fputs(", ", out);
            lit(out, bd->label);
            fputs(", ", out);
            lit(out, bd->abbrev);
            fputs(", ", out);
            num(out, bd->threshold);
            fprintf(out, ", %s},\n", bd->otherwise ? "true" : "false");
        }
        if (!plan->schemes[s].nbands)
            fputs("    {NULL, NULL, NULL, 0.0, true},\n", out);
        fputs("};\n\n", out);
    }
    static const char *const methods[] = {"PRT_METHOD_NONE", "PRT_METHOD_IMPROVEMENT", "PRT_METHOD_ACHIEVEMENT",
                                          "PRT_METHOD_POINTS"};
    fputs("static const prt_scheme schemes[] = {\n", out);
    for (int s = 0; s < plan->nschemes; s++) {
        fputs("    {", out);
        lit(out, plan->schemes[s].id);
        fputs(", ", out);
        lit(out, plan->schemes[s].name);
        fprintf(out, ", %s, %d, scheme%d_bands},\n", methods[plan->schemes[s].method], plan->schemes[s].nbands, s);
    }
    if (!plan->nschemes)
        fputs("    {NULL, NULL, PRT_METHOD_NONE, 0, NULL},\n", out);
    fputs("};\n\n", out);

    const prt_named *lists[2] = {plan->benchmarks, plan->inputs};
    const int counts[2] = {plan->nbenchmarks, plan->ninputs};
    const char *names[2] = {"benchmarks", "inputs"};
    for (int l = 0; l < 2; l++) {
        fprintf(out, "static const prt_named %s[] = {\n", names[l]);
        for (int i = 0; i < counts[l]; i++) {
            fputs("    {", out);
            lit(out, lists[l][i].id);
            fputs(", ", out);
            lit(out, lists[l][i].name);
            fputs("},\n", out);
        }
        if (!counts[l])
            fputs("    {NULL, NULL},\n", out);
        fputs("};\n\n", out);
    }

    static const char *const ops[] = {"PRT_OP_NUM", "PRT_OP_INDICATOR", "PRT_OP_INPUT", "PRT_OP_NEG",
                                      "PRT_OP_ADD", "PRT_OP_SUB", "PRT_OP_MUL", "PRT_OP_DIV"};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        if (in->ntargets) {
            fprintf(out, "static const prt_target ind%d_targets[] = {\n", i);
            for (int k = 0; k < in->ntargets; k++) {
                fputs("    ", out);
                target(out, &in->targets[k]);
                fputs(",\n", out);
            }
            fputs("};\n", out);
        }
        if (in->namendments) {
            fprintf(out, "static const prt_amendment ind%d_amendments[] = {\n", i);
            for (int k = 0; k < in->namendments; k++) {
                const prt_amendment *a = &in->amendments[k];
                fputs("    {", out);
                period(out, a->period);
                fputs(", ", out);
                target(out, &a->to);
                fputs(", ", out);
                period(out, a->from);
                fputs(", ", out);
                lit(out, a->reason);
                fputs("},\n", out);
            }
            fputs("};\n", out);
        }
        if (in->nrevisions) {
            fprintf(out, "static const prt_revision ind%d_revisions[] = {\n", i);
            for (int k = 0; k < in->nrevisions; k++) {
                fputs("    {", out);
                period(out, in->revisions[k].period);
                fputs(", ", out);
                lit(out, in->revisions[k].reason);
                fputs("},\n", out);
            }
            fputs("};\n", out);
        }
        if (in->nbench) {
            fprintf(out, "static const prt_bench_value ind%d_bench[] = {\n", i);
            for (int k = 0; k < in->nbench; k++) {
                fprintf(out, "    {%d, ", in->bench[k].benchmark);
                period(out, in->bench[k].period);
                fputs(", ", out);
                num(out, in->bench[k].value);
                fputs(", ", out);
                lit(out, in->bench[k].note);
                fputs("},\n", out);
            }
            fputs("};\n", out);
        }
        if (in->nresults) {
            fprintf(out, "static const prt_plan_result ind%d_results[] = {\n", i);
            for (int k = 0; k < in->nresults; k++) {
                const prt_plan_result *r = &in->results[k];
                fputs("    {", out);
                period(out, r->period);
                fprintf(out, ", %s, ", status_name(r->status));
                num(out, r->value);
                fprintf(out, ", %s, ", r->restated ? "true" : "false");
                num(out, r->original);
                fputs(", ", out);
                lit(out, r->rated);
                fputs(", ", out);
                lit(out, r->note);
                fputs("},\n", out);
            }
            fputs("};\n", out);
        }
        if (in->nformula) {
            fprintf(out, "static const prt_op ind%d_formula[] = {\n", i);
            for (int k = 0; k < in->nformula; k++) {
                fprintf(out, "    {%s, ", ops[in->formula[k].op]);
                num(out, in->formula[k].num);
                fprintf(out, ", %d},\n", in->formula[k].index);
            }
            fputs("};\n", out);
            formula_fn(out, i, in);
        }
    }

    static const char *const pols[] = {"PRT_POL_NONE", "PRT_POL_BIGGER", "PRT_POL_SMALLER", "PRT_POL_MONITOR"};
    static const char *const units[] = {"PRT_UNIT_NONE", "PRT_UNIT_PERCENT", "PRT_UNIT_COUNT", "PRT_UNIT_SCORE",
                                        "PRT_UNIT_CURRENCY", "PRT_UNIT_DAYS", "PRT_UNIT_WEEKS", "PRT_UNIT_RATE",
                                        "PRT_UNIT_POINTS", "PRT_UNIT_CUSTOM"};
    static const char *const freqs[] = {"PRT_FREQ_NONE", "PRT_FREQ_MONTHLY", "PRT_FREQ_QUARTERLY", "PRT_FREQ_BIANNUAL",
                                        "PRT_FREQ_ANNUAL"};
    static const char *const accs[] = {"PRT_ACC_SNAPSHOT", "PRT_ACC_YEAR_TO_DATE", "PRT_ACC_ROLLING_12_MONTHS"};
    fputs("\nstatic const prt_indicator indicators[] = {\n", out);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        fputs("    {\n        .id = ", out);
        lit(out, in->id);
        fputs(",\n        .ref = ", out);
        lit(out, in->ref);
        fputs(",\n        .name = ", out);
        lit(out, in->name);
        fputs(",\n        .kind = ", out);
        lit(out, in->kind);
        fprintf(out, ",\n        .theme = %d, .polarity = %s, .direction = %s, .unit = %s, .unit_per = ", in->theme,
                pols[in->polarity], pols[in->direction], units[in->unit]);
        num(out, in->unit_per);
        fputs(", .unit_custom = ", out);
        lit(out, in->unit_custom);
        fprintf(out, ",\n        .decimals = %d, .frequency = %s, .accumulates = %s, .arrears = %d, .scheme = %d,\n",
                in->decimals, freqs[in->frequency], accs[in->accumulates], in->arrears, in->scheme);
        fprintf(out, "        .has_tolerance = %s, .tolerance = ", in->has_tolerance ? "true" : "false");
        num(out, in->tolerance);
        fprintf(out, ", .has_baseline = %s, .baseline = ", in->has_baseline ? "true" : "false");
        num(out, in->baseline);
        fputs(", .baseline_period = ", out);
        period(out, in->baseline_period);
        fputs(",\n", out);
        fprintf(out, "        .ntargets = %d, .targets = ", in->ntargets);
        if (in->ntargets)
            fprintf(out, "ind%d_targets", i);
        else
            fputs("NULL", out);
        fprintf(out, ", .namendments = %d, .amendments = ", in->namendments);
        if (in->namendments)
            fprintf(out, "ind%d_amendments", i);
        else
            fputs("NULL", out);
        fprintf(out, ",\n        .nrevisions = %d, .revisions = ", in->nrevisions);
        if (in->nrevisions)
            fprintf(out, "ind%d_revisions", i);
        else
            fputs("NULL", out);
        fprintf(out, ", .nbench = %d, .bench = ", in->nbench);
        if (in->nbench)
            fprintf(out, "ind%d_bench", i);
        else
            fputs("NULL", out);
        fprintf(out, ", .nresults = %d, .results = ", in->nresults);
        if (in->nresults)
            fprintf(out, "ind%d_results", i);
        else
            fputs("NULL", out);
        if (in->nformula)
            fprintf(out, ",\n        .nformula = %d, .formula = ind%d_formula, .formula_fn = formula_%d", in->nformula, i, i);
        fputs(",\n    },\n", out);
    }
    if (!plan->nindicators)
        fputs("    {.name = NULL},\n", out);
    fputs("};\n\n", out);

    fprintf(out, "%sconst prt_plan %s_plan = {\n    .name = ", opt->library ? "" : "static ", p);
    lit(out, plan->name);
    fputs(",\n    .organisation = ", out);
    lit(out, plan->organisation);
    fprintf(out, ",\n    .first_year = %d, .last_year = %d, .default_scheme = %d,\n", plan->first_year, plan->last_year,
            plan->default_scheme);
    fprintf(out, "    .npillars = %d, .nthemes = %d, .nindicators = %d, .nschemes = %d, .nbenchmarks = %d, .ninputs = %d,\n",
            plan->npillars, plan->nthemes, plan->nindicators, plan->nschemes, plan->nbenchmarks, plan->ninputs);
    fprintf(out, "    .names_distinct = %s,\n", plan->names_distinct ? "true" : "false");
    fputs("    .pillars = pillars, .themes = themes, .indicators = indicators, .schemes = schemes,\n"
          "    .benchmarks = benchmarks, .inputs = inputs,\n};\n\n",
          out);
    if (opt->library)
        fprintf(out, "prt_evaluation *%s_evaluate(const prt_results *results, prt_period period)\n{\n"
                     "    return prt_evaluate(&%s_plan, results, period);\n}\n",
                p, p);
    else
        fprintf(out, "int main(int argc, char **argv)\n{\n    return prt_main(&%s_plan, argc, argv);\n}\n", p);
}
