/*
 * client.h - shared declarations of pounce-client (see pounce-client.c for the overview
 * and docs/client-protocol.md for the wire protocol).
 */
#ifndef POUNCE_CLIENT_H
#define POUNCE_CLIENT_H

#include <stddef.h>

#define DEFAULT_CONTROLLER "127.0.0.1:6820"
#define DEFAULT_PORT "6820"
#define CONNECT_TIMEOUT_MS 5000
#define NEED_FILE_LIMIT ((size_t)64 << 20) /* 64 MiB per requested file */
#define CONTROLLER_LIST_MAX 4096

/* ---- net.c: where the controller is, and connecting to it ---- */

/* Fills `out` with the controller list: $POUNCE_CONTROLLER, else the first `controller=` line of
 * $POUNCE_CONF, /etc/pounce/client.conf, <dir of the binary>/../etc/client.conf, else the default. */
void controller_list(char *out, size_t n);

/* Tries every `host:port` of the comma-separated list in order (5 s connect timeout each).
 * Returns a connected, blocking TCP socket with TCP_NODELAY, and copies the entry that worked
 * into `host` (for the Host header); -1 when none could be reached. */
int controller_connect(const char *list, char *host, size_t hostn);

/* ---- reply.c: the HTTP response and its frames ---- */

enum {
    R_MORE = 0, /* feed more bytes */
    R_EXIT,     /* the `exit` frame arrived (reply.exit_code) */
    R_END,      /* the body ended (without an `exit` frame) */
    R_LOST,     /* the connection ended in the middle of the response */
    R_HTTP,     /* the status was not 200 (reply.status) */
    R_BAD,      /* malformed response */
};

struct reply {
    /* HTTP head */
    int hdone;
    size_t hlen;
    int status;
    int mode; /* body delimited by Content-Length, chunked encoding, or EOF */
    unsigned long long rem;
    /* chunked decoder */
    int cstate, cdig, cext;
    unsigned long long csize;
    size_t cline;
    /* frame parser */
    int fstate, fkind, fdig;
    size_t taglen, vlen;
    unsigned long long flen, frem;
    char tag[16];
    char val[4352];
    /* results */
    int exit_code;
    int wrote; /* some out/err bytes went to the terminal during this attempt */
    /* coalesced output (flushed at the end of every feed, or when the stream changes) */
    int outfd;
    size_t outlen;
    char out[65536];
    char hbuf[16384];
};

void reply_init(struct reply *r);
int reply_feed(struct reply *r, const char *p, size_t n);
int reply_eof(struct reply *r);

/* Called by the parser for every `need` frame (path is NUL-terminated, len excludes the NUL). */
void on_need(const char *path, size_t len);

/* Called for a `step` frame: the job step (`<job>.<step>`) the running srun follows. */
void on_step(const char *id, size_t len);

#endif
