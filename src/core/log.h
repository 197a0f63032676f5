/* Logging to stderr, one line per event, with level and UTC time. Never log
 * reporter identity, receipt codes, passwords or tokens. */
#ifndef WASDAL_CORE_LOG_H
#define WASDAL_CORE_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level lvl);
/* 1: info and debug lines are batched in memory until log_flush() (or a
 * warning or error); 0: every line is written at once (the default) and
 * what was batched is written now. For the server's access log. */
void log_buffer(int on);
void log_flush(void);
void log_msg(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
