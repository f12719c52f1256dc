/* rapport-cli-private.h — what rapport-cli's command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is a row of a table: its words, its usage line, how many
 * arguments it takes and which options. main() parses all of that before
 * the command runs, so a command function only does its own work and
 * reports failure through a GError (see RAPPORT_CLI_ERROR_USAGE).
 */

#pragma once

#include <glib/gi18n.h>

#include "rapport-cli-json.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_CLI_EXIT_USER_ERROR 1
#define RAPPORT_CLI_EXIT_USAGE 2

/* The most options one command takes, --json included. */
#define RAPPORT_CLI_MAX_OPTIONS 16

typedef struct _RapportCli RapportCli;

/* Returns FALSE with @error set on failure: a usage error (exit 2, with the
 * usage line) when @error is RAPPORT_CLI_ERROR_USAGE, else a user error
 * (exit 1). */
typedef gboolean (*RapportCliFunc) (RapportCli  *cli,
                                    GError     **error);

typedef enum
{
  RAPPORT_CLI_JSON       = 1 << 0,  /* takes --json */
  RAPPORT_CLI_READS_ONLY = 1 << 1,  /* opens the file for reading: an older file is not upgraded */
} RapportCliFlags;

typedef struct
{
  const char *long_name;
  GOptionArg  arg;          /* G_OPTION_ARG_NONE, _STRING or _INT */
  int         default_int;  /* an INT option's value when it is not given */
} RapportCliOption;

typedef struct
{
  const char             *group;       /* "deal", or NULL for a one-word command */
  const char             *name;        /* NULL ends a table */
  RapportCliFunc          func;
  const char             *usage;
  guint                   min_args;    /* positional arguments, after the command's words */
  guint                   max_args;
  RapportCliFlags         flags;
  const RapportCliOption *options;     /* ends with a NULL long_name; NULL for none */
  const char             *wrong_args;  /* N_() message when the count is off, or NULL */
} RapportCliCommand;

typedef union
{
  gboolean  flag;
  char     *string;
  int       number;
} RapportCliValue;

struct _RapportCli
{
  /* From the global options */
  const char *db_path;
  const char *template_id;  /* only "init" sets it */

  /* The command being run, and what its command line said */
  const RapportCliCommand *command;
  char           **args;     /* positional arguments, borrowed from argv */
  guint            n_args;
  gboolean         json;     /* --json, for commands that take it */
  RapportCliValue  values[RAPPORT_CLI_MAX_OPTIONS];  /* by index in command->options */

  /* Owned: opened on first use by rapport_cli_open_store() */
  RapportStore *store;
};

/* The tables, one per file, each ending with an empty row. */
extern const RapportCliCommand rapport_cli_setup_commands[];
extern const RapportCliCommand rapport_cli_org_commands[];
extern const RapportCliCommand rapport_cli_contact_commands[];
extern const RapportCliCommand rapport_cli_deal_commands[];
extern const RapportCliCommand rapport_cli_note_commands[];
extern const RapportCliCommand rapport_cli_search_commands[];
extern const RapportCliCommand rapport_cli_followup_commands[];
extern const RapportCliCommand rapport_cli_report_commands[];
extern const RapportCliCommand rapport_cli_goal_commands[];
extern const RapportCliCommand rapport_cli_settings_commands[];
extern const RapportCliCommand rapport_cli_import_commands[];
extern const RapportCliCommand rapport_cli_export_commands[];
extern const RapportCliCommand rapport_cli_duplicates_commands[];
extern const RapportCliCommand rapport_cli_delete_commands[];
extern const RapportCliCommand rapport_cli_file_commands[];
extern const RapportCliCommand rapport_cli_field_commands[];
extern const RapportCliCommand rapport_cli_aftersales_commands[];
extern const RapportCliCommand rapport_cli_process_commands[];
extern const RapportCliCommand rapport_cli_team_commands[];

/* rapport-cli-field.c: `set ID FIELD VALUE` of a contact or an
 * organization (its own field, else a custom field by name; "" clears),
 * and `tag ID TAG [--remove]`. */
gboolean rapport_cli_set_record_field (RapportCli     *cli,
                                       RapportRecord  *record,
                                       const char     *field,
                                       const char     *text,
                                       GError        **error);
gboolean rapport_cli_tag_record       (RapportCli     *cli,
                                       RapportRecord  *record,
                                       const char     *tag,
                                       GError        **error);

/* report review (rapport-cli-review.c), a row of the report table */
extern const RapportCliOption rapport_cli_review_options[];
gboolean      rapport_cli_report_review (RapportCli  *cli,
                                         GError     **error);

#define RAPPORT_CLI_ERROR (rapport_cli_error_quark ())

typedef enum
{
  RAPPORT_CLI_ERROR_USAGE,
} RapportCliError;

GQuark        rapport_cli_error_quark   (void);

/* Running a command */
int           rapport_cli_run           (RapportCli              *cli,
                                         const RapportCliCommand *command,
                                         int                      argc,
                                         char                   **argv);
void          rapport_cli_clear         (RapportCli              *cli);

/* Errors: one line on stderr each, and the exit status to return */
int           rapport_cli_user_error    (const GError *error);
int           rapport_cli_usage_error   (const char   *usage,
                                         const char   *message);
gboolean      rapport_cli_set_usage     (GError      **error,
                                         const char   *message);

/* The command's options, by the name it declared them with */
const char   *rapport_cli_string        (RapportCli *cli,
                                         const char *long_name);
gboolean      rapport_cli_flag          (RapportCli *cli,
                                         const char *long_name);
int           rapport_cli_int           (RapportCli *cli,
                                         const char *long_name);

/* The store, opened the first time a command asks for it: a command checks
 * its arguments first, so a malformed one is reported before a bad file. */
RapportStore *rapport_cli_open_store    (RapportCli  *cli,
                                         GError     **error);

typedef enum
{
  RAPPORT_CLI_ID_CONTACT,
  RAPPORT_CLI_ID_DEAL,
  RAPPORT_CLI_ID_ORGANIZATION,
  RAPPORT_CLI_ID_FOLLOWUP,
  RAPPORT_CLI_ID_GOAL,
  RAPPORT_CLI_ID_ACTIVITY,
  RAPPORT_CLI_ID_NOTE,
  RAPPORT_CLI_ID_NEGOTIATION_ENTRY,
  RAPPORT_CLI_ID_PIPELINE,
  RAPPORT_CLI_ID_STAGE,
  RAPPORT_CLI_ID_STAGE_ACTION,
} RapportCliIdKind;

/* A day the user typed after @option (YYYY-MM-DD), as the Unix time of
 * its midnight UTC. */
gboolean      rapport_cli_parse_day     (const char  *option,
                                         const char  *text,
                                         gint64      *midnight,
                                         GError     **error);

/* --pipeline ID, 0 when not given. */
gboolean      rapport_cli_pipeline_option (RapportCli  *cli,
                                           gint64      *pipeline_id,
                                           GError     **error);
gboolean      rapport_cli_require_id    (const char        *text,
                                         RapportCliIdKind   kind,
                                         gint64            *id,
                                         GError           **error);
/* An id the user typed, parsed, then the record it names from the opened
 * store (transfer full). */
RapportDeal         *rapport_cli_find_deal         (RapportCli  *cli,
                                                    const char  *text,
                                                    GError     **error);
RapportContact      *rapport_cli_find_contact      (RapportCli  *cli,
                                                    const char  *text,
                                                    GError     **error);
RapportOrganization *rapport_cli_find_organization (RapportCli  *cli,
                                                    const char  *text,
                                                    GError     **error);
RapportActivity     *rapport_cli_find_followup     (RapportCli  *cli,
                                                    const char  *text,
                                                    GError     **error);

/* An activity's kind as scripts write it: call, email, meeting (and
 * task when @task_too). */
gboolean      rapport_cli_parse_activity_kind (const char          *text,
                                               gboolean             task_too,
                                               RapportActivityKind *kind);
/* Option @option, if given, written to @property of @record through the
 * store ("" clears it). */
gboolean      rapport_cli_update_string (RapportCli     *cli,
                                         RapportRecord  *record,
                                         const char     *option,
                                         const char     *property,
                                         GError        **error);
/* What `deal add` prints of the deal it made (JSON with --json). */
void          rapport_cli_print_created_deal (RapportCli  *cli,
                                              RapportDeal *deal);

/* Goals with their progress now, as the JSON array `goal list` prints. */
JsonNode     *rapport_cli_goals_json    (RapportCli  *cli,
                                         GError     **error);

/* Output for people */
const char   *rapport_cli_or_empty      (const char *text);
char         *rapport_cli_field         (const char *text);
char         *rapport_cli_time_or       (gint64      unix_seconds,
                                         const char *missing);
void          rapport_cli_print_notes      (GListModel *notes);
/* "Tags: a, b" and a line per custom value, when there are any. */
void          rapport_cli_print_tags_and_fields (RapportStore  *store,
                                                 RapportEntity  entity,
                                                 gint64         id);
void          rapport_cli_print_activities (GListModel *activities);
void          rapport_cli_print_id_list    (const char *label,
                                            GListModel *records);

/* Streaming lists: what a walk carries from row to row. */
typedef struct
{
  RapportStore      *store;
  RapportJsonStream *json;       /* NULL for the lines of text */
  GHashTable        *positions;  /* deal list --json only */
} RapportCliListing;

gboolean      rapport_cli_listing_begin (RapportCli         *cli,
                                         RapportCliListing  *listing,
                                         GError            **error);
gboolean      rapport_cli_listing_end   (RapportCliListing *listing,
                                         gboolean           walked,
                                         GError           **error);
gboolean      rapport_cli_check_output  (GError **error);

G_END_DECLS
