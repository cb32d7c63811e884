/*
 * reply.c - pounce-client: incremental parser of the controller's HTTP/1.1 response.
 *
 * Bytes are fed as they are read from the socket. The head is parsed once complete (1xx
 * interim responses are skipped); the body is delimited by Content-Length, by chunked transfer
 * encoding, or by the end of the connection; inside it the frames `<tag> SP <len> LF <bytes> LF`
 * are decoded without waiting for a whole frame, so `out`/`err` bytes reach stdout/stderr as they
 * arrive (coalesced per read, flushed before reply_feed returns).
 */
#include "client.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { M_EOF, M_LEN, M_CHUNKED };
enum { C_SIZE, C_DATA, C_CRLF, C_TRAILER };
enum { F_TAG, F_LEN, F_DATA, F_END };
enum { K_OTHER, K_OUT, K_ERR, K_NEED, K_EXIT, K_STEP };

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return; /* nowhere to report it: drop the output */
        }
        p += w;
        n -= (size_t)w;
    }
}

static void flush_out(struct reply *r)
{
    if (r->outlen > 0)
        write_all(r->outfd, r->out, r->outlen);
    r->outlen = 0;
}

static void emit(struct reply *r, int fd, const char *p, size_t n)
{
    if (n == 0)
        return;
    r->wrote = 1;
    if (r->outfd != fd || r->outlen + n > sizeof r->out)
        flush_out(r);
    r->outfd = fd;
    if (n >= sizeof r->out) {
        write_all(fd, p, n);
        return;
    }
    memcpy(r->out + r->outlen, p, n);
    r->outlen += n;
}

void reply_init(struct reply *r)
{
    /* everything but the two big buffers */
    memset(r, 0, offsetof(struct reply, out));
    r->outfd = 1;
}

static int kind_of(const char *tag)
{
    if (strcmp(tag, "out") == 0)
        return K_OUT;
    if (strcmp(tag, "err") == 0)
        return K_ERR;
    if (strcmp(tag, "need") == 0)
        return K_NEED;
    if (strcmp(tag, "exit") == 0)
        return K_EXIT;
    if (strcmp(tag, "step") == 0)
        return K_STEP;
    return K_OTHER; /* unknown tags are skipped */
}

/* Frames of the body. Returns R_MORE, R_EXIT or R_BAD. */
static int frames(struct reply *r, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        switch (r->fstate) {
        case F_TAG: {
            char c = p[i++];
            if (c == ' ' && r->taglen > 0) {
                r->tag[r->taglen] = '\0';
                r->fkind = kind_of(r->tag);
                r->flen = 0;
                r->fdig = 0;
                r->fstate = F_LEN;
            } else if (c == ' ' || c == '\n' || r->taglen >= sizeof r->tag - 1) {
                return R_BAD;
            } else {
                r->tag[r->taglen++] = c;
            }
            break;
        }
        case F_LEN: {
            char c = p[i++];
            if (c >= '0' && c <= '9' && r->flen < (1ULL << 40)) {
                r->flen = r->flen * 10 + (unsigned)(c - '0');
                r->fdig = 1;
            } else if (c == '\n' && r->fdig) {
                if ((r->fkind == K_NEED || r->fkind == K_EXIT || r->fkind == K_STEP) && r->flen >= sizeof r->val)
                    return R_BAD;
                r->frem = r->flen;
                r->vlen = 0;
                r->fstate = r->frem > 0 ? F_DATA : F_END;
            } else {
                return R_BAD;
            }
            break;
        }
        case F_DATA: {
            size_t k = n - i;
            if (k > r->frem)
                k = (size_t)r->frem;
            switch (r->fkind) {
            case K_OUT: emit(r, 1, p + i, k); break;
            case K_ERR: emit(r, 2, p + i, k); break;
            case K_NEED:
            case K_EXIT:
            case K_STEP:
                memcpy(r->val + r->vlen, p + i, k);
                r->vlen += k;
                break;
            default: break;
            }
            i += k;
            r->frem -= k;
            if (r->frem == 0)
                r->fstate = F_END;
            break;
        }
        case F_END:
            if (p[i++] != '\n')
                return R_BAD;
            r->fstate = F_TAG;
            r->taglen = 0;
            r->val[r->vlen] = '\0';
            if (r->fkind == K_NEED) {
                on_need(r->val, r->vlen);
            } else if (r->fkind == K_STEP) {
                flush_out(r); /* output before the step line keeps its order */
                on_step(r->val, r->vlen);
            } else if (r->fkind == K_EXIT) {
                char *end;
                long code = strtol(r->val, &end, 10);
                if (end == r->val || *end != '\0')
                    return R_BAD;
                r->exit_code = (int)code;
                return R_EXIT;
            }
            break;
        }
    }
    return R_MORE;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Body bytes: undo the transfer encoding, hand the payload to frames(). */
static int body(struct reply *r, const char *p, size_t n)
{
    if (r->mode == M_EOF)
        return frames(r, p, n);
    if (r->mode == M_LEN) {
        size_t k = n < r->rem ? n : (size_t)r->rem;
        r->rem -= k;
        int res = frames(r, p, k);
        if (res != R_MORE)
            return res;
        return r->rem > 0 ? R_MORE : R_END;
    }
    size_t i = 0;
    while (i < n) {
        switch (r->cstate) {
        case C_SIZE: {
            char c = p[i++];
            int v = hexval(c);
            if (c == '\n') {
                if (!r->cdig)
                    return R_BAD;
                r->rem = r->csize;
                r->cstate = r->csize > 0 ? C_DATA : C_TRAILER;
                r->cline = 0;
                r->csize = 0;
                r->cdig = r->cext = 0;
            } else if (r->cext) {
                /* chunk extension: ignored */
            } else if (v >= 0 && r->csize < (1ULL << 40)) {
                r->csize = r->csize * 16 + (unsigned)v;
                r->cdig = 1;
            } else if (c == ';' || c == ' ' || c == '\t' || c == '\r') {
                r->cext = 1;
            } else {
                return R_BAD;
            }
            break;
        }
        case C_DATA: {
            size_t k = n - i < r->rem ? n - i : (size_t)r->rem;
            int res = frames(r, p + i, k);
            i += k;
            r->rem -= k;
            if (res != R_MORE)
                return res;
            if (r->rem == 0)
                r->cstate = C_CRLF;
            break;
        }
        case C_CRLF: {
            char c = p[i++];
            if (c == '\n')
                r->cstate = C_SIZE;
            else if (c != '\r')
                return R_BAD;
            break;
        }
        case C_TRAILER: {
            char c = p[i++];
            if (c == '\n') {
                if (r->cline == 0)
                    return R_END;
                r->cline = 0;
            } else if (c != '\r') {
                r->cline++;
            }
            break;
        }
        }
    }
    return R_MORE;
}

/* The complete head is in hbuf[0..len). Sets status and body mode. */
static int parse_head(struct reply *r, size_t len)
{
    char *h = r->hbuf;
    h[len] = '\0';
    if (strncmp(h, "HTTP/", 5) != 0)
        return R_BAD;
    char *sp = strchr(h, ' ');
    if (sp == NULL || sp[1] < '1' || sp[1] > '9')
        return R_BAD;
    r->status = atoi(sp + 1);
    r->mode = M_EOF;
    int have_len = 0;
    for (char *line = strchr(h, '\n'); line != NULL; line = strchr(line, '\n')) {
        line++;
        char *colon = strchr(line, ':');
        char *eol = strchr(line, '\n');
        if (colon == NULL || (eol != NULL && colon > eol))
            continue;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        size_t name = (size_t)(colon - line);
        if (name == 17 && strncasecmp(line, "transfer-encoding", 17) == 0) {
            /* the value ends at the line's end */
            char save = eol != NULL ? *eol : '\0';
            if (eol != NULL)
                *eol = '\0';
            if (strcasestr(v, "chunked") != NULL)
                r->mode = M_CHUNKED;
            if (eol != NULL)
                *eol = save;
        } else if (name == 14 && strncasecmp(line, "content-length", 14) == 0) {
            char *end;
            r->rem = strtoull(v, &end, 10);
            if (end == v)
                return R_BAD;
            have_len = 1;
        }
    }
    if (r->mode != M_CHUNKED && have_len)
        r->mode = M_LEN;
    return R_MORE;
}

static int feed(struct reply *r, const char *p, size_t n)
{
    while (!r->hdone) {
        /* Accumulate the head and look for its end: an empty line (LF [CR] LF). */
        size_t old = r->hlen;
        size_t k = n < sizeof r->hbuf - 1 - old ? n : sizeof r->hbuf - 1 - old;
        memcpy(r->hbuf + old, p, k);
        r->hlen += k;
        size_t end = 0;
        for (size_t i = old > 2 ? old - 2 : 0; i < r->hlen && end == 0; i++) {
            if (r->hbuf[i] != '\n')
                continue;
            if (i + 1 < r->hlen && r->hbuf[i + 1] == '\n')
                end = i + 2;
            else if (i + 2 < r->hlen && r->hbuf[i + 1] == '\r' && r->hbuf[i + 2] == '\n')
                end = i + 3;
        }
        if (end == 0) {
            if (r->hlen >= sizeof r->hbuf - 1)
                return R_BAD;
            return R_MORE;
        }
        int res = parse_head(r, end);
        if (res != R_MORE)
            return res;
        size_t used = end - old; /* bytes of p that belonged to the head */
        p += used;
        n -= used;
        r->hlen = 0;
        if (r->status >= 100 && r->status < 200)
            continue; /* interim response: the real one follows */
        r->hdone = 1;
        if (r->status != 200)
            return R_HTTP;
        if (r->mode == M_LEN && r->rem == 0)
            return R_END;
    }
    if (n == 0)
        return R_MORE;
    return body(r, p, n);
}

int reply_feed(struct reply *r, const char *p, size_t n)
{
    int res = feed(r, p, n);
    flush_out(r);
    return res;
}

int reply_eof(struct reply *r)
{
    flush_out(r);
    if (!r->hdone)
        return R_LOST;
    if (r->mode == M_EOF && r->fstate == F_TAG && r->taglen == 0)
        return R_END;
    return R_LOST;
}
