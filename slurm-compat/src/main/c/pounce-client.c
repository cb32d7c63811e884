/*
 * pounce-client - Pounce's thin native SLURM front end (one multi-call binary).
 *
 * Installed as sbatch, squeue, scancel, sinfo, sacct, scontrol, srun (symlinks): the command is
 * the basename of argv[0]; run as `pounce-client <cmd> args...` the command is argv[1]. It knows
 * nothing of SLURM's options: it forwards its whole invocation to the controller and prints what
 * comes back. The wire protocol is docs/client-protocol.md; in short:
 *
 *   request:  POST /compat/v1/run HTTP/1.1, Content-Type: application/x-pounce-frames,
 *             Content-Length, Connection: close; the body is frames `<tag> SP <len> LF <bytes> LF`:
 *             cmd, arg*, env*, cwd, uid, gid, user, groups, host, tty, key, file*, fileerr*.
 *   response: HTTP/1.1 200, body (Content-Length, chunked, or up to EOF) of frames in the same
 *             framing: out, err (written as they arrive), need (a file, `-` = stdin, to send back
 *             by repeating the request with `file`/`fileerr` frames and the same key), exit.
 *
 * Controller: $POUNCE_CONTROLLER (host:port[,host:port...]), else `controller=` in $POUNCE_CONF,
 * /etc/pounce/client.conf, <bin>/../etc/client.conf, else 127.0.0.1:6820 (see net.c).
 *
 * Speed matters (benchmarks call it hundreds of times a second): the request is built once in
 * one buffer and sent with a single sendmsg (requested files are extra iovecs, not copies), one
 * connection per round, TCP_NODELAY, no stdio on the hot path.
 */
#include "client.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

extern char **environ;

#define MAX_ROUNDS 16 /* need round trips */
#define MAX_FILES 256 /* files sent in one invocation */

static const char *cmd;

/* ---- the request body: one growing buffer plus external segments (file contents) ---- */

struct seg {
    const char *ext; /* NULL: body.p[off .. off+len) */
    size_t off, len;
};

static struct {
    char *p;
    size_t len, cap;
} body;
static struct seg segs[2 * MAX_FILES + 2];
static int nseg;

static void oom(void)
{
    static const char m[] = "error: out of memory\n";
    if (write(2, m, sizeof m - 1) < 0) { /* nothing to do */ }
    exit(1);
}

static void body_add(const void *p, size_t n)
{
    if (body.len + n > body.cap) {
        size_t cap = body.cap * 2;
        if (cap < body.len + n)
            cap = body.len + n;
        body.p = realloc(body.p, cap);
        if (body.p == NULL)
            oom();
        body.cap = cap;
    }
    memcpy(body.p + body.len, p, n);
    if (nseg == 0 || segs[nseg - 1].ext != NULL) {
        segs[nseg].ext = NULL;
        segs[nseg].off = body.len;
        segs[nseg].len = 0;
        nseg++;
    }
    segs[nseg - 1].len += n;
    body.len += n;
}

static void body_ext(const char *p, size_t n)
{
    segs[nseg].ext = p;
    segs[nseg].off = 0;
    segs[nseg].len = n;
    nseg++;
}

static char *utoa(unsigned long long v, char *end)
{
    *--end = '\0';
    do
        *--end = (char)('0' + v % 10);
    while (v /= 10);
    return end;
}

/* Frame head `<tag> SP <len> LF`. */
static void frame_head(const char *tag, size_t len)
{
    char h[64];
    size_t tl = strlen(tag);
    memcpy(h, tag, tl);
    h[tl++] = ' ';
    char num[24];
    char *s = utoa(len, num + sizeof num);
    size_t sl = strlen(s);
    memcpy(h + tl, s, sl);
    tl += sl;
    h[tl++] = '\n';
    body_add(h, tl);
}

static void frame(const char *tag, const void *v, size_t n)
{
    frame_head(tag, n);
    body_add(v, n);
    body_add("\n", 1);
}

static void frame_str(const char *tag, const char *s) { frame(tag, s, strlen(s)); }

static void frame_num(const char *tag, unsigned long long v)
{
    char num[24];
    frame_str(tag, utoa(v, num + sizeof num));
}

/* ---- the invocation: command, arguments, environment, identity ---- */

static void hex_key(char out[33])
{
    unsigned char r[16];
    ssize_t got = getrandom(r, sizeof r, GRND_NONBLOCK);
    if (got != (ssize_t)sizeof r) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        got = fd >= 0 ? read(fd, r, sizeof r) : -1;
        if (fd >= 0)
            close(fd);
        if (got != (ssize_t)sizeof r) { /* last resort: still unique enough per invocation */
            unsigned long long x = (unsigned long long)getpid() * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)(size_t)&got;
            for (size_t i = 0; i < sizeof r; i++, x = x * 6364136223846793005ULL + 1442695040888963407ULL)
                r[i] = (unsigned char)(x >> 56);
        }
    }
    static const char hx[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hx[r[i] >> 4];
        out[2 * i + 1] = hx[r[i] & 15];
    }
    out[32] = '\0';
}

static void build_base(int argc, char **argv, int first_arg)
{
    size_t need = 4096;
    for (char **e = environ; *e != NULL; e++)
        need += strlen(*e) + 24;
    for (int i = first_arg; i < argc; i++)
        need += strlen(argv[i]) + 24;
    body.p = malloc(need);
    if (body.p == NULL)
        oom();
    body.cap = need;

    frame_str("cmd", cmd);
    for (int i = first_arg; i < argc; i++)
        frame_str("arg", argv[i]);
    for (char **e = environ; *e != NULL; e++)
        frame_str("env", *e);

    char cwd[PATH_MAX];
    frame_str("cwd", getcwd(cwd, sizeof cwd) != NULL ? cwd : "");

    uid_t uid = getuid();
    frame_num("uid", uid);
    frame_num("gid", getgid());
    struct passwd *pw = getpwuid(uid);
    char num[24];
    frame_str("user", pw != NULL ? pw->pw_name : utoa(uid, num + sizeof num));

    gid_t gs[256];
    gid_t *g = gs;
    int ng = getgroups(256, gs);
    if (ng < 0 && errno == EINVAL) { /* more than 256 groups */
        ng = getgroups(0, NULL);
        g = ng > 0 ? malloc((size_t)ng * sizeof *g) : NULL;
        ng = g != NULL ? getgroups(ng, g) : -1;
    }
    char *list = malloc(ng > 0 ? (size_t)ng * 12 + 1 : 1);
    if (list == NULL)
        oom();
    size_t ll = 0;
    for (int i = 0; i < ng; i++) {
        char *s = utoa(g[i], num + sizeof num);
        if (i > 0)
            list[ll++] = ',';
        size_t sl = strlen(s);
        memcpy(list + ll, s, sl);
        ll += sl;
    }
    frame("groups", list, ll);
    free(list);

    char host[256];
    if (gethostname(host, sizeof host) != 0)
        host[0] = '\0';
    host[sizeof host - 1] = '\0';
    frame_str("host", host);
    frame_str("tty", isatty(0) ? "1" : "0");
    char key[33];
    hex_key(key);
    frame_str("key", key);
}

/* ---- `need`: requested files ---- */

static char *pending[MAX_FILES];
static int npending;
static char *served[MAX_FILES];
static int nserved;
static int need_overflow;

void on_need(const char *path, size_t len)
{
    if (npending >= MAX_FILES || strlen(path) != len) { /* too many, or a NUL inside */
        need_overflow = 1;
        return;
    }
    pending[npending] = strdup(path);
    if (pending[npending] == NULL)
        oom();
    npending++;
}

/* Reads a whole fd (at most NEED_FILE_LIMIT bytes). Returns 0 or an errno. */
static int slurp(int fd, char **out, size_t *outlen)
{
    struct stat st;
    size_t cap = 65536;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > NEED_FILE_LIMIT)
            return EFBIG;
        cap = (size_t)st.st_size + 1; /* +1: EOF is seen without growing */
    }
    char *p = malloc(cap);
    if (p == NULL)
        return ENOMEM;
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            if (cap > NEED_FILE_LIMIT) {
                free(p);
                return EFBIG;
            }
            size_t nc = cap * 2 > NEED_FILE_LIMIT + 1 ? NEED_FILE_LIMIT + 1 : cap * 2;
            char *q = realloc(p, nc);
            if (q == NULL) {
                free(p);
                return ENOMEM;
            }
            p = q;
            cap = nc;
        }
        ssize_t r = read(fd, p + len, cap - len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(p);
            return e;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    *out = p;
    *outlen = len;
    return 0;
}

/* Adds a `file` or `fileerr` frame for every pending path not sent yet; returns how many. */
static int serve_needs(void)
{
    int added = 0;
    for (int i = 0; i < npending; i++) {
        char *path = pending[i];
        int dup = 0;
        for (int j = 0; j < nserved && !dup; j++)
            dup = strcmp(served[j], path) == 0;
        if (dup || nserved >= MAX_FILES) {
            free(path);
            continue;
        }
        served[nserved++] = path;
        added++;

        char *data = NULL;
        size_t len = 0;
        int err;
        if (strcmp(path, "-") == 0) {
            err = slurp(0, &data, &len);
        } else {
            int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
            err = fd < 0 ? errno : slurp(fd, &data, &len);
            if (fd >= 0)
                close(fd);
        }
        size_t pl = strlen(path);
        if (err != 0) {
            const char *msg = strerror(err);
            frame_head("fileerr", pl + 1 + strlen(msg));
            body_add(path, pl);
            body_add("\n", 1);
            body_add(msg, strlen(msg));
            body_add("\n", 1);
        } else {
            frame_head("file", pl + 1 + len);
            body_add(path, pl);
            body_add("\n", 1);
            body_ext(data, len); /* sent straight from the read buffer */
            body_add("\n", 1);
        }
    }
    npending = 0;
    return added;
}

/* ---- sending ---- */

static int send_request(int fd, const char *host)
{
    size_t total = 0;
    for (int i = 0; i < nseg; i++)
        total += segs[i].len;
    char head[1024];
    char num[24];
    int hl = snprintf(head, sizeof head,
                      "POST /compat/v1/run HTTP/1.1\r\nHost: %.200s\r\n"
                      "Content-Type: application/x-pounce-frames\r\nContent-Length: %s\r\n"
                      "Connection: close\r\n\r\n",
                      host, utoa(total, num + sizeof num));

    struct iovec iov[2 * MAX_FILES + 3];
    int cnt = 0;
    iov[cnt].iov_base = head;
    iov[cnt++].iov_len = (size_t)hl;
    for (int i = 0; i < nseg; i++) {
        iov[cnt].iov_base = (void *)(segs[i].ext != NULL ? segs[i].ext : body.p + segs[i].off);
        iov[cnt++].iov_len = segs[i].len;
    }
    struct iovec *v = iov;
    while (cnt > 0) {
        struct msghdr m = {.msg_iov = v, .msg_iovlen = (size_t)cnt};
        ssize_t n = sendmsg(fd, &m, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        while (cnt > 0 && (size_t)n >= v->iov_len) {
            n -= (ssize_t)v->iov_len;
            v++;
            cnt--;
        }
        if (cnt > 0) {
            v->iov_base = (char *)v->iov_base + n;
            v->iov_len -= (size_t)n;
        }
    }
    return 0;
}

/* ---- main ---- */

static void fail(const char *msg)
{
    char line[512];
    int n = snprintf(line, sizeof line, "%s: error: %s\n", cmd, msg);
    if (n > (int)sizeof line - 1)
        n = (int)sizeof line - 1;
    if (write(2, line, (size_t)n) < 0) { /* nothing to do */ }
    exit(1);
}

static struct reply rep;
static char rbuf[65536];

/* ---- srun: Ctrl-C ----
 * While srun follows a step (the server sent its id in a `step` frame), every SIGINT becomes a
 * separate request `srun-interrupt <job>.<step>` on a new connection; the controller decides what
 * it means (status, or abort on a second within a second) and its `err` frames are printed here.
 * Before the step exists SIGINT keeps its default action (the controller sees the connection
 * close and cancels what it started). */

static char step_id[64];
static volatile sig_atomic_t step_known, interrupts;

void on_step(const char *id, size_t len)
{
    if (len >= sizeof step_id)
        len = sizeof step_id - 1;
    memcpy(step_id, id, len);
    step_id[len] = '\0';
    step_known = 1;
}

static void on_sigint(int sig)
{
    if (!step_known) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    interrupts++;
}

static struct reply irep;

static void send_interrupt(const char *list)
{
    char host[256];
    int fd = controller_connect(list, host, sizeof host);
    if (fd < 0)
        return;
    char who[512], b[1024];
    struct passwd *pw = getpwuid(getuid());
    char num[24];
    snprintf(who, sizeof who, "%s", pw != NULL ? pw->pw_name : utoa(getuid(), num + sizeof num));
    char uid[24], gid[24];
    snprintf(uid, sizeof uid, "%lu", (unsigned long)getuid());
    snprintf(gid, sizeof gid, "%lu", (unsigned long)getgid());
    int n = snprintf(b, sizeof b, "cmd 14\nsrun-interrupt\narg %zu\n%s\nuid %zu\n%s\ngid %zu\n%s\nuser %zu\n%s\n",
                     strlen(step_id), step_id, strlen(uid), uid, strlen(gid), gid, strlen(who), who);
    char head[512];
    int hl = snprintf(head, sizeof head,
                      "POST /compat/v1/run HTTP/1.1\r\nHost: %.200s\r\n"
                      "Content-Type: application/x-pounce-frames\r\nContent-Length: %d\r\n"
                      "Connection: close\r\n\r\n", host, n);
    if (hl > 0 && n > 0 && n < (int)sizeof b && send(fd, head, (size_t)hl, MSG_NOSIGNAL) == hl
        && send(fd, b, (size_t)n, MSG_NOSIGNAL) == n) {
        reply_init(&irep);
        char buf[4096];
        for (;;) {
            ssize_t k = read(fd, buf, sizeof buf);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0 || reply_feed(&irep, buf, (size_t)k) != R_MORE)
                break;
        }
    }
    close(fd);
}

int main(int argc, char **argv)
{
    const char *base = argc > 0 ? strrchr(argv[0], '/') : NULL;
    base = base != NULL ? base + 1 : argc > 0 ? argv[0] : "pounce-client";
    int first_arg = 1;
    cmd = base;
    if (strncmp(base, "pounce-client", 13) == 0) {
        if (argc < 2 || argv[1][0] == '\0' || argv[1][0] == '-') {
            static const char u[] = "usage: pounce-client <sbatch|squeue|scancel|sinfo|sacct|scontrol|srun> [args...]\n"
                                    "       (or run it through a symlink named after the command)\n";
            if (write(2, u, sizeof u - 1) < 0) { /* nothing to do */ }
            return 2;
        }
        cmd = argv[1];
        first_arg = 2;
    }
    int is_sbatch = strcmp(cmd, "sbatch") == 0;
    if (strcmp(cmd, "srun") == 0) {
        struct sigaction sa = {.sa_handler = on_sigint}; /* no SA_RESTART: read() returns EINTR */
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
    }

    build_base(argc, argv, first_arg);
    char list[CONTROLLER_LIST_MAX];
    controller_list(list, sizeof list);

    int retried = 0;
    for (int round = 0;; round++) {
        char host[256];
        int fd = controller_connect(list, host, sizeof host);
        if (fd < 0)
            fail(is_sbatch ? "Batch job submission failed: Unable to contact slurm controller (connect failure)"
                           : "Unable to contact slurm controller (connect failure)");
        /* A failed send is not final: the server may have replied (e.g. an error status). */
        (void)send_request(fd, host);

        reply_init(&rep);
        int res;
        for (;;) {
            ssize_t n = read(fd, rbuf, sizeof rbuf);
            if (n < 0 && errno == EINTR) {
                while (interrupts > 0) {
                    interrupts--;
                    send_interrupt(list);
                }
                continue;
            }
            res = n < 0 ? R_LOST : n == 0 ? reply_eof(&rep) : reply_feed(&rep, rbuf, (size_t)n);
            if (n <= 0 || res != R_MORE)
                break;
        }
        close(fd);

        if (res == R_HTTP) {
            char m[64];
            snprintf(m, sizeof m, "controller replied HTTP %d", rep.status);
            fail(m);
        }
        if (res == R_BAD || need_overflow)
            fail("invalid reply from the controller");
        if ((res == R_EXIT || res == R_END) && npending > 0) {
            if (serve_needs() == 0 || round + 1 >= MAX_ROUNDS)
                fail("invalid reply from the controller (repeated file request)");
            continue;
        }
        if (res == R_EXIT)
            return rep.exit_code;
        /* The connection ended without an `exit` frame. sbatch retries once, with the same key,
         * unless output was already shown (a retry would show it twice). */
        for (int i = 0; i < npending; i++)
            free(pending[i]);
        npending = 0;
        if (is_sbatch && !retried && !rep.wrote) {
            retried = 1;
            continue;
        }
        fail("lost connection to the controller");
    }
}
