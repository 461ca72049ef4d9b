/* The audit as data (report_audit.c): every rating and direction of travel of record compared with what
 * the plan's method gives, and the mismatches in the order the text audit lists them; each format's
 * writer (text and Markdown in report_audit.c, CSV, JSON and HTML in report_audit_formats.c) prints
 * it.  Internal to the runtime's reports. */
#ifndef PLANRT_REPORT_AUDIT_H
#define PLANRT_REPORT_AUDIT_H

#include "report_cells.h"

typedef enum { AUDIT_RATING, AUDIT_DIRECTION, AUDIT_DELIVERY } AuditKind;

/* One rating of record the method does not reproduce. */
typedef struct AuditItem {
    AuditKind kind;
    int index;                         /* the indicator (rating, direction) or the activity (delivery) */
    int band;                          /* rating, delivery: the band the method gives, -1 none */
    int published_band;                /* rating, delivery: the band of record, -1 when it names none */
    prt_dot dot;                       /* direction: the one computed */
    const char *published;             /* as the results or the plan write it */
    const char *explanation;           /* how the method got there (never NULL) */
} AuditItem;

typedef struct Audit {
    const prt_evaluation *ev;
    int published, reproduced;         /* indicators' ratings of record */
    int dots, dots_reproduced;         /* directions of travel of record */
    int delivery, delivery_reproduced; /* activities' ratings of record */
    int n;
    AuditItem *items;                  /* indicators' (in plan order), then activities' */
} Audit;

void rpt_audit_collect(Audit *a, const prt_evaluation *ev);
void rpt_audit_free(Audit *a);

/* The parts of an item every format prints (texts owned by the plan or the evaluation). */
const char *rpt_audit_kind_word(AuditKind k);   /* "rating", "direction", "delivery" */
const char *rpt_audit_ref(const Audit *a, const AuditItem *it);     /* the indicator's reference or the activity's id */
const char *rpt_audit_id(const Audit *a, const AuditItem *it);      /* identifier; NULL when none */
const char *rpt_audit_name(const Audit *a, const AuditItem *it);
/* The method's answer, short ("RA", "Improving", "A") and as a label ("Red Amber"); "no rating"
 * (a band) or "none" (a direction) when there is none. */
const char *rpt_audit_computed(const Audit *a, const AuditItem *it);
const char *rpt_audit_computed_label(const Audit *a, const AuditItem *it);
/* As the JSON report names it: the band's identifier, the direction; NULL when the method gives none. */
const char *rpt_audit_computed_id(const Audit *a, const AuditItem *it);
/* The colour of an item's band of record and computed band (HTML). */
const char *rpt_audit_colour(const Audit *a, const AuditItem *it, int band);

void rpt_audit_csv(FILE *out, const Audit *a);
void rpt_audit_json(FILE *out, const Audit *a);
void rpt_audit_html(FILE *out, const Audit *a);

#endif
