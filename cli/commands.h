/*
 * commands.h - the dyad subcommands; each returns a process exit code
 * (see options.h).
 */
#ifndef DYAD_CLI_COMMANDS_H
#define DYAD_CLI_COMMANDS_H

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_recode(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
