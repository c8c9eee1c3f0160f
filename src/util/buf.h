/*
 * buf.h - a growable byte buffer (pointer, length, capacity).
 *
 * Used for building output lines and strings of unknown length. The data is
 * always NUL-terminated for convenience, but lengths are authoritative:
 * contents may contain NUL bytes.
 */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
	char *data;  /* owned; NUL-terminated; NULL until the first append */
	size_t len;  /* bytes in use, excluding the terminator */
	size_t cap;  /* bytes allocated */
} buf;

#define BUF_INIT {NULL, 0, 0}

/* Appends n bytes of s. */
void buf_add(buf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
void buf_puts(buf *b, const char *s);
/* Appends one byte. */
void buf_putc(buf *b, char c);
/* Appends printf-formatted text. */
void buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
void buf_clear(buf *b);
/* Releases the memory; the buffer is empty and reusable afterwards. */
void buf_free(buf *b);
/* Hands the data to the caller (who frees it); the buffer becomes empty. */
char *buf_steal(buf *b);

#endif
