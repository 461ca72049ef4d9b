/* The SQL back end's delivery views: each activity's band for each report period from its status (a
 * return's row, else the plan's), its milestones and its scheme, with delivery.c's rules
 * (docs/rating.md, "Delivery"); then the summary counts per theme, pillar and plan. */
#include "emit_sql_parts.h"

const char *const sql_delivery_view_names[] = {"delivery_rows",   "delivery_milestones", "delivery_inputs",
                                               "delivery_states", "delivery_found",      "delivery_ratings",
                                               "delivery_summary", "delivery_summary_bands"};
const int sql_delivery_nviews = sizeof sql_delivery_view_names / sizeof sql_delivery_view_names[0];

static void view(SqlOut *o, const char *name, const char *comment)
{
    prt_buf_printf(o->b, "\n-- %s\nCREATE VIEW %s AS\n", comment, name);
}

/* A word as prt_delivery_state_parse compares it: trimmed, ASCII lower case, ' ' and '-' as '_'. */
static void loose_word(SqlOut *o, const char *col)
{
    prt_buf x = {0};
    prt_buf_printf(&x, "trim(%s)", col);
    prt_buf_puts(o->b, "replace(replace(");
    sql_lower_ascii(o->b, o->d, prt_buf_str(&x));
    prt_buf_puts(o->b, ", ' ', '_'), '-', '_')");
    prt_buf_free(&x);
}

/* The band of the activity's scheme a column names (id, abbreviation or label, any case), NULL. */
static void band_named(SqlOut *o, const char *col)
{
    prt_buf x = {0};
    prt_buf_printf(&x, "trim(%s)", col);
    prt_buf_puts(o->b, "(SELECT MIN(bn.band_ix) FROM plan_delivery_band_names bn WHERE bn.scheme_ix = a.scheme_ix AND bn.name = ");
    sql_lower_ascii(o->b, o->d, prt_buf_str(&x));
    prt_buf_puts(o->b, ")");
    prt_buf_free(&x);
}

static void rows_view(SqlOut *o)
{
    view(o, "delivery_rows", "Each results row that names an activity (mx NULL) or a milestone, read: the state or band its\n"
                             "-- status names, its impact, percentage complete, completion date (yyyymmdd), override band.");
    prt_buf_puts(o->b, "SELECT n.ax, n.mx, trim(r.period) AS period, p.last_day AS period_last,\n  CASE WHEN ");
    loose_word(o, "r.status");
    prt_buf_puts(o->b, " IN ('not_started', 'on_track', 'at_risk', 'off_track', 'delayed', 'complete') THEN ");
    loose_word(o, "r.status");
    prt_buf_puts(o->b, " END AS state,\n  CASE WHEN n.mx IS NULL THEN ");
    band_named(o, "r.status");
    prt_buf_puts(o->b, " END AS band,\n  CASE WHEN ");
    loose_word(o, "r.impact");
    prt_buf_puts(o->b, " IN ('low', 'medium', 'high') THEN ");
    loose_word(o, "r.impact");
    prt_buf_puts(o->b, " END AS impact,\n  ");
    sql_to_number(o->b, o->d, "replace(trim(r.value), '%', '')");
    prt_buf_printf(o->b, " AS percent,\n  CASE WHEN length(trim(r.completed)) = 10 THEN CAST(replace(trim(r.completed), '-', '') AS %s) END"
                         " AS completed,\n  NULLIF(trim(r.completed), '') AS completed_text,\n  ",
                   sql_type_int(o->d));
    band_named(o, "r.override");
    prt_buf_puts(o->b, " AS override, NULLIF(r.comment, '') AS comment\n"
                       "FROM results r JOIN plan_activity_names n ON n.name = trim(r.ref)\n"
                       "JOIN plan_activities a ON a.ax = n.ax\n"
                       "LEFT JOIN plan_delivery_periods p ON p.period = trim(r.period);\n");
}

static void milestones_view(SqlOut *o)
{
    view(o, "delivery_milestones", "Each milestone as it stands at the end of each report period: complete (the plan's date, or a\n"
                                   "-- return at or before the period with a date or the state complete), else overdue once due.");
    /* a return says a milestone is done from the first period (its last day) one does: one pass over
     * the rows, joined, rather than a search of them for every milestone and period */
    prt_buf_puts(o->b,
        "SELECT x.ax, x.mx, x.report_period, x.complete,\n"
        "  CASE WHEN x.complete = 0 AND x.due_last IS NOT NULL AND x.due_last <= x.last_day THEN 1 ELSE 0 END AS overdue\n"
        "FROM (SELECT m.ax, m.mx, m.due_last, p.period AS report_period, p.last_day,\n"
        "    CASE WHEN m.completed_first <= p.last_day OR d.done_last <= p.last_day THEN 1 ELSE 0 END AS complete\n"
        "  FROM plan_milestones m CROSS JOIN plan_delivery_periods p\n"
        "  LEFT JOIN (SELECT ax, mx, MIN(period_last) AS done_last FROM delivery_rows\n"
        "    WHERE mx IS NOT NULL AND (completed IS NOT NULL OR state = 'complete') GROUP BY ax, mx) d\n"
        "    ON d.ax = m.ax AND d.mx = m.mx) x;\n");
}

static void inputs_view(SqlOut *o)
{
    view(o, "delivery_inputs", "Per activity and report period: the return's row for it (row_says: it gives a state or a band)\n"
                               "-- and the plan's status for the period (the dated one, else the undated one).");
    prt_buf_puts(o->b,
        "SELECT a.ax, a.id, a.name, a.pillar, a.pillar_ix, a.theme, a.theme_ix, a.scheme_ix, a.counted, a.due, a.due_last,\n"
        "  a.progress, p.period AS report_period, p.last_day,\n"
        "  r.state AS r_state, r.band AS r_band, r.impact AS r_impact, r.percent AS r_percent, r.completed AS r_completed,\n"
        "  r.completed_text AS r_completed_text, r.override AS r_override, r.comment AS r_comment,\n"
        "  CASE WHEN r.state IS NOT NULL OR r.band IS NOT NULL THEN 1 ELSE 0 END AS row_says,\n"
        "  CASE WHEN sd.ax IS NOT NULL OR su.ax IS NOT NULL THEN 1 ELSE 0 END AS s_present,\n"
        "  CASE WHEN sd.ax IS NULL THEN 1 ELSE 0 END AS s_undated,\n"
        "  CASE WHEN sd.ax IS NOT NULL THEN sd.state ELSE su.state END AS s_state,\n"
        "  CASE WHEN sd.ax IS NOT NULL THEN sd.impact ELSE su.impact END AS s_impact,\n"
        "  CASE WHEN sd.ax IS NOT NULL THEN sd.band_ix ELSE su.band_ix END AS s_band,\n"
        "  CASE WHEN sd.ax IS NOT NULL THEN sd.percent ELSE su.percent END AS s_percent,\n"
        "  CASE WHEN sd.ax IS NOT NULL THEN sd.note ELSE su.note END AS s_note\n"
        "FROM plan_activities a CROSS JOIN plan_delivery_periods p\n"
        "LEFT JOIN delivery_rows r ON r.ax = a.ax AND r.mx IS NULL AND r.period = p.period\n"
        "LEFT JOIN plan_activity_statuses sd ON sd.ax = a.ax AND sd.period = p.period\n"
        "LEFT JOIN plan_activity_statuses su ON su.ax = a.ax AND su.period IS NULL;\n");
}

static void states_view(SqlOut *o)
{
    view(o, "delivery_states", "Per activity and report period: the status rated (the return's, else the plan's), the band named\n"
                               "-- by judgement, the percentage, the commentary, and how many milestones are overdue.");
    prt_buf_puts(o->b,
        "SELECT i.*,\n"
        "  CASE WHEN i.row_says = 1 THEN i.r_state ELSE i.s_state END AS state,\n"
        "  CASE WHEN i.row_says = 1 THEN i.r_impact ELSE i.s_impact END AS impact,\n"
        "  CASE WHEN i.row_says = 1 THEN i.r_band ELSE i.s_band END AS judged_band,\n"
        "  CASE WHEN i.row_says = 0 AND i.s_present = 1 AND i.s_undated = 1 THEN 1 ELSE 0 END AS undated,\n"
        "  COALESCE(i.r_percent, i.s_percent) AS percent_complete,\n"
        "  COALESCE(i.r_comment, i.s_note, i.progress) AS comment, COALESCE(m.noverdue, 0) AS noverdue\n"
        "FROM delivery_inputs i\n"
        "LEFT JOIN (SELECT ax, report_period, SUM(overdue) AS noverdue FROM delivery_milestones GROUP BY ax, report_period) m\n"
        "  ON m.ax = i.ax AND m.report_period = i.report_period;\n");
    view(o, "delivery_found", "Per activity and report period: whether it has a status, whether it is overdue (a milestone, or\n"
                              "-- its own due date passed and not complete), and the band before an override.");
    prt_buf_puts(o->b,
        "SELECT x.*,\n"
        "  CASE WHEN x.scheme_ix IS NULL THEN NULL WHEN x.judged_band IS NOT NULL THEN x.judged_band\n"
        "    WHEN x.overdue = 1 THEN sb.overdue_band_ix ELSE sb.band_ix END AS computed_band\n"
        "FROM (SELECT s.*,\n"
        "    CASE WHEN s.state IS NOT NULL OR s.judged_band IS NOT NULL THEN 1 ELSE 0 END AS has_status,\n"
        "    CASE WHEN s.noverdue > 0 OR (s.due_last IS NOT NULL AND COALESCE(s.state, '') <> 'complete'\n"
        "      AND s.r_completed IS NULL AND s.due_last <= s.last_day) THEN 1 ELSE 0 END AS overdue\n"
        "  FROM delivery_states s) x\n"
        "LEFT JOIN plan_delivery_state_bands sb ON sb.scheme_ix = x.scheme_ix AND sb.state = x.state\n"
        "  AND sb.impact = COALESCE(x.impact, '');\n");
}

static void ratings_view(SqlOut *o)
{
    view(o, "delivery_ratings", "Each activity's rating for each report period, as planc eval's CSV gives it on its activity rows\n"
                                "-- (on_target is empty without a status; exception: yes or no).");
    prt_buf_puts(o->b,
        "SELECT y.ax, y.id AS ref, y.id, y.name AS activity, y.pillar, y.theme, y.pillar_ix, y.theme_ix, y.report_period,\n"
        "  y.report_period AS period, COALESCE(y.state, '') AS state, COALESCE(y.impact, '') AS impact,\n"
        "  COALESCE(b.id, '') AS band, COALESCE(b.label, '') AS band_label, y.band_ix, y.counted, y.has_status,\n"
        "  y.on_target AS on_target_flag, y.overdue AS overdue_flag, y.exception_flag,\n"
        "  CASE WHEN y.has_status = 0 THEN '' WHEN y.on_target = 1 THEN 'yes' ELSE 'no' END AS on_target,\n"
        "  CASE WHEN y.overdue = 1 THEN 'yes' ELSE 'no' END AS overdue, y.percent_complete, COALESCE(y.due, '') AS due,\n"
        "  COALESCE(y.r_completed_text, '') AS completed, CASE WHEN y.exception_flag = 1 THEN 'yes' ELSE 'no' END AS exception,\n"
        "  y.comment, CASE WHEN y.undated = 1 THEN 'yes' ELSE 'no' END AS undated,\n"
        "  CASE WHEN y.overridden = 1 THEN 'yes' ELSE 'no' END AS overridden\n"
        "FROM (SELECT z.*,\n"
        "    CASE WHEN z.overdue = 1 OR (z.has_status = 1 AND z.on_target = 0) THEN 1 ELSE 0 END AS exception_flag\n"
        "  FROM (SELECT f.*,\n"
        "      CASE WHEN f.scheme_ix IS NULL THEN NULL WHEN f.r_override IS NOT NULL THEN f.r_override ELSE f.computed_band END AS band_ix,\n"
        "      CASE WHEN f.scheme_ix IS NOT NULL AND f.r_override IS NOT NULL THEN 1 ELSE 0 END AS overridden,\n"
        "      CASE WHEN f.scheme_ix IS NOT NULL THEN\n"
        "          CASE WHEN COALESCE(f.r_override, f.computed_band) = 0 THEN 1 ELSE 0 END\n"
        "        WHEN f.state IN ('complete', 'on_track') AND f.overdue = 0 THEN 1 ELSE 0 END AS on_target\n"
        "    FROM delivery_found f) z) y\n"
        "LEFT JOIN plan_delivery_bands b ON b.scheme_ix = y.scheme_ix AND b.band_ix = y.band_ix;\n");
}

/* The counts of one level (theme, pillar, plan), as delivery.c's count(): everything but the number
 * of activities counts only those with a status. */
static void summary_level(SqlOut *o, const char *level, const char *ix, const char *name, bool last)
{
    prt_buf_printf(o->b,
        "SELECT report_period, '%s' AS level, %s AS level_ix, %s AS name, COUNT(*) AS activities,\n"
        "  SUM(has_status) AS with_status, SUM(has_status * on_target_flag) AS on_target,\n"
        "  SUM(has_status * exception_flag) AS exceptions, SUM(has_status * overdue_flag) AS overdue,\n"
        "  SUM(CASE WHEN has_status = 1 AND state = 'complete' THEN 1 ELSE 0 END) AS complete",
        level, ix, name);
    /* each state's count, as the JSON summary's "states" */
    for (int st = 1; st < PRT_N_DELIVERY_STATES; st++)
        prt_buf_printf(o->b, ",\n  SUM(CASE WHEN has_status = 1 AND state = '%s' THEN 1 ELSE 0 END) AS state_%s",
                       prt_delivery_state_words[st], prt_delivery_state_words[st]);
    bool all = *ix == 'N';
    prt_buf_printf(o->b, "\nFROM delivery_ratings GROUP BY report_period%s%s%s%s\n", all ? "" : ", ", all ? "" : ix,
                   all ? "" : ", ", all ? "" : name);
    prt_buf_puts(o->b, last ? ";\n" : "UNION ALL\n");
}

static void summary_views(SqlOut *o)
{
    view(o, "delivery_summary", "The delivery counts per theme, pillar and plan for each report period, as the JSON report's\n"
                                "-- delivery summary: activities, with a status, on target, exceptions, overdue, complete, and each\n"
                                "-- state (state_on_track ...); level_ix is the theme's or pillar's place in the plan.");
    summary_level(o, "theme", "theme_ix", "theme", false);
    summary_level(o, "pillar", "pillar_ix", "pillar", false);
    summary_level(o, "plan", "NULL", "NULL", true);
    view(o, "delivery_summary_bands", "The number in each band of the plan's default delivery scheme, per theme, pillar and plan.");
    static const char *const levels[][3] = {{"theme", "r.theme_ix", "r.theme"}, {"pillar", "r.pillar_ix", "r.pillar"},
                                            {"plan", "NULL", "NULL"}};
    for (int k = 0; k < 3; k++) {
        bool all = levels[k][1][0] == 'N';
        prt_buf_printf(o->b,
            "SELECT r.report_period, '%s' AS level, %s AS level_ix, %s AS name, b.band_ix, b.id AS band, b.label,\n"
            "  SUM(CASE WHEN r.has_status = 1 AND r.band_ix = b.band_ix THEN 1 ELSE 0 END) AS activities\n"
            "FROM delivery_ratings r JOIN plan_delivery_bands b ON b.counted = 1 AND r.counted = 1\n"
            "GROUP BY r.report_period%s%s%s%s, b.band_ix, b.id, b.label\n%s",
            levels[k][0], levels[k][1], levels[k][2], all ? "" : ", ", all ? "" : levels[k][1], all ? "" : ", ",
            all ? "" : levels[k][2], k == 2 ? ";\n" : "UNION ALL\n");
    }
}

void sql_emit_delivery_views(SqlOut *o)
{
    prt_buf_puts(o->b, "\n-- ---- delivery: what depends on the returns ----\n");
    rows_view(o);
    milestones_view(o);
    inputs_view(o);
    states_view(o);
    ratings_view(o);
    summary_views(o);
}
