/*
 * pounce-exec - Pounce's per-task supervisor, spawned by the node daemon for every batch script.
 *
 *   pounce-exec [--uid U --gid G [--groups g1,g2,...] [--user NAME]] [--cwd DIR]
 *               [--stdin PATH] [--stdout PATH] [--stderr PATH] [--append]
 *               [--relay] [--status FILE]
 *               [--bind PATH [--cpus LIST] [--cgroup FILE]... [--memlock BYTES|unlimited]]
 *               -- PROGRAM [ARGS...]
 *
 * The supervisor calls setsid() so it leads a new session and process group (the daemon signals
 * the whole job with kill(-pgid, sig)); it ignores every signal that would otherwise end or stop
 * it (all but KILL, STOP and the fault signals), so such signals reach the job but not the
 * supervisor. It forks the child, which restores default dispositions and an empty mask, then:
 *   as root with --uid/--gid: setgroups(groups, or just G), setgid(G), setuid(U), verified;
 *   chdir(DIR); opens stdin (default /dev/null), stdout (default /dev/null; O_APPEND with --append,
 *   else O_TRUNC; mode 0666 & ~umask), stderr (dup of stdout when absent or equal to --stdout),
 *   all after dropping privileges so files belong to the user and permissions apply; dup2s them to
 *   0/1/2, closes every other fd and execs PROGRAM (PATH search like execvp, but never the
 *   `/bin/sh` fallback for files without `#!`: those fail with "Exec format error").
 * With --bind and at least one of --cpus/--cgroup/--memlock the child execs PATH (pounce-bind, the
 * libc-free wrapper) instead of PROGRAM, with those options, the identity and `--errfd` (the error
 * pipe): pounce-bind sets the affinity, joins the cgroups and raises RLIMIT_MEMLOCK while still
 * root, then drops privileges and execs PROGRAM in the same pid. So that the cgroups are joined as
 * root while files are still opened as the user, the child then switches only its effective ids
 * (setgroups, setegid, seteuid) for chdir and the opens, and back to root before the exec.
 * pounce-bind's failures come back through the same pipe, e.g. `failed pounce-bind:
 * sched_setaffinity 0-3: Invalid argument`.
 * The environment is passed on untouched. Child failures travel back through a CLOEXEC pipe as
 * (stage, errno); its EOF means the exec succeeded.
 *
 * Protocol: one line per event on the supervisor's stdout (a pipe read by the daemon), each
 * written with a single write(2):
 *   started <childpid>          the exec succeeded
 *   exited <code> <signal>      the child ended: WIFEXITED -> code 0, WIFSIGNALED -> 0 signum
 *   failed <message>            the child never exec'd, e.g. `chdir(/x): No such file or directory`
 * With --relay (job steps, srun) the child's stdout and stderr are pipes (--stdout/--stderr are
 * ignored) and the supervisor forwards what it reads, as it arrives, between `started` and the
 * final line:
 *   out <n>\n<n bytes>          bytes the child wrote to stdout
 *   err <n>\n<n bytes>          bytes the child wrote to stderr
 * After the child ended, what is left in the pipes is forwarded too (without waiting for
 * background processes that still hold them), then the final line.
 * With --status FILE the final line is also written to FILE (FILE.tmp, then rename) so a
 * restarted daemon can collect it. The supervisor survives the daemon's death (write errors on
 * stdout are ignored, SIGPIPE/SIGHUP too) and waits for the child only. Exit status: 0, or 2 for
 * a usage error (after a `failed usage: ...` line).
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum stage { ST_NONE, ST_SETGROUPS, ST_SETGID, ST_SETUID, ST_CHDIR, ST_STDIN, ST_STDOUT, ST_STDERR, ST_DUP2, ST_EXEC,
             ST_BIND_EXEC, ST_RESTORE,
             /* reported by pounce-bind (its enum): */
             ST_BIND = 20, ST_B_USAGE = ST_BIND, ST_B_AFFINITY, ST_B_RLIMIT, ST_B_SETGROUPS, ST_B_SETGID, ST_B_SETUID,
             ST_B_EXEC, ST_B_CGROUP };

#define MAX_CGROUPS 8

static struct {
    long uid, gid; /* -1: not given */
    const char *groups, *user, *cwd, *in, *out, *err, *status;
    const char *bind, *cpus, *memlock, *cgroups[MAX_CGROUPS];
    int append, relay, ncgroups;
    int rout[2], rerr[2]; /* --relay pipes: [0] the supervisor reads, [1] the child's 1 and 2 */
    char **argv;
    gid_t *gids;
    size_t ngids;
} o = {.uid = -1, .gid = -1};

/* ---- output ---- */

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return; /* the daemon is gone: carry on */
        }
        p += w;
        n -= (size_t)w;
    }
}

/* The final line, also kept in --status FILE (atomically: FILE.tmp, then rename). */
static void final_line(const char *line, size_t n)
{
    write_all(1, line, n);
    if (o.status == NULL)
        return;
    char tmp[PATH_MAX + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", o.status);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, line, n) != (ssize_t)n || close(fd) != 0 || rename(tmp, o.status) != 0) {
        char m[PATH_MAX + 128];
        int k = snprintf(m, sizeof m, "pounce-exec: cannot write %s: %s\n", o.status, strerror(errno));
        write_all(2, m, (size_t)k < sizeof m ? (size_t)k : sizeof m - 1);
    }
}

/* `failed <message>` as one line (control characters in paths would break the line protocol). */
static void failed(const char *msg)
{
    char line[3 * PATH_MAX];
    int n = snprintf(line, sizeof line - 1, "failed %s", msg);
    if (n < 0 || n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    for (int i = 0; i < n; i++)
        if ((unsigned char)line[i] < 0x20)
            line[i] = '?';
    line[n++] = '\n';
    final_line(line, (size_t)n);
}

static void usage(const char *why)
{
    char m[512];
    snprintf(m, sizeof m, "usage: %s", why);
    failed(m);
    static const char u[] =
        "usage: pounce-exec [--uid U --gid G [--groups g1,g2,...] [--user NAME]] [--cwd DIR]\n"
        "                   [--stdin PATH] [--stdout PATH] [--stderr PATH] [--append]\n"
        "                   [--relay] [--status FILE]\n"
        "                   [--bind PATH [--cpus LIST] [--cgroup FILE]... [--memlock BYTES]]\n"
        "                   -- PROGRAM [ARGS...]\n";
    write_all(2, u, sizeof u - 1);
    exit(2);
}

/* ---- options ---- */

static long parse_id(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || *s == '-' || v >= (unsigned long)(gid_t)-1)
        usage(what);
    return (long)v;
}

static void parse_groups(const char *s)
{
    size_t n = 1;
    for (const char *p = s; *p != '\0'; p++)
        n += *p == ',';
    o.gids = malloc(n * sizeof *o.gids);
    if (o.gids == NULL)
        usage("out of memory");
    char *copy = strdup(s);
    if (copy == NULL)
        usage("out of memory");
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save))
        o.gids[o.ngids++] = (gid_t)parse_id(t, "bad --groups");
    free(copy);
}

static void parse_args(int argc, char **argv)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--append") == 0) {
            o.append = 1;
            continue;
        }
        if (strcmp(a, "--relay") == 0) {
            o.relay = 1;
            continue;
        }
        if (i + 1 >= argc)
            usage("missing value or `--`");
        const char *v = argv[++i];
        if (strcmp(a, "--uid") == 0)
            o.uid = parse_id(v, "bad --uid");
        else if (strcmp(a, "--gid") == 0)
            o.gid = parse_id(v, "bad --gid");
        else if (strcmp(a, "--groups") == 0)
            o.groups = v;
        else if (strcmp(a, "--user") == 0)
            o.user = v; /* informational: the environment is the daemon's business */
        else if (strcmp(a, "--cwd") == 0)
            o.cwd = v;
        else if (strcmp(a, "--stdin") == 0)
            o.in = v;
        else if (strcmp(a, "--stdout") == 0)
            o.out = v;
        else if (strcmp(a, "--stderr") == 0)
            o.err = v;
        else if (strcmp(a, "--status") == 0)
            o.status = v;
        else if (strcmp(a, "--bind") == 0)
            o.bind = v;
        else if (strcmp(a, "--cpus") == 0)
            o.cpus = v;
        else if (strcmp(a, "--memlock") == 0)
            o.memlock = v;
        else if (strcmp(a, "--cgroup") == 0) {
            if (o.ncgroups == MAX_CGROUPS)
                usage("too many --cgroup");
            o.cgroups[o.ncgroups++] = v;
        }
        else
            usage("unknown option");
    }
    if (i >= argc)
        usage("no program");
    if ((o.uid < 0) != (o.gid < 0))
        usage("--uid and --gid go together");
    o.argv = argv + i;
    if (o.groups != NULL)
        parse_groups(o.groups);
    if (o.ngids == 0 && o.gid >= 0) {
        static gid_t one;
        one = (gid_t)o.gid;
        o.gids = &one;
        o.ngids = 1;
    }
}

/* ---- the child ---- */

static int errfd = -1;

static _Noreturn void child_fail(int stage, int err)
{
    int msg[2] = {stage, err};
    write_all(errfd, (const char *)msg, sizeof msg);
    _exit(127);
}

/* Signals whose default would end or stop the supervisor: these are ignored by it. */
static int shielded(int s)
{
    switch (s) {
    case SIGKILL: case SIGSTOP: case SIGCHLD: case SIGCONT: case SIGWINCH: case SIGURG:
    case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL: case SIGTRAP: case SIGABRT: case SIGSYS:
        return 0;
    default:
        return 1;
    }
}

static void close_others(void)
{
    /* everything but 0-2 and the error pipe (CLOEXEC: it closes at exec) */
    if (errfd > 3 && close_range(3, (unsigned)errfd - 1, 0) != 0)
        for (int fd = 3; fd < errfd; fd++)
            close(fd);
    if (close_range((unsigned)errfd + 1, ~0U, 0) != 0) {
        long max = sysconf(_SC_OPEN_MAX);
        if (max < 0 || max > 65536)
            max = 65536;
        for (int fd = errfd + 1; fd < max; fd++)
            close(fd);
    }
}

/* execvp() without its /bin/sh fallback on ENOEXEC. */
static void exec_program(char **argv)
{
    const char *prog = argv[0];
    if (strchr(prog, '/') != NULL) {
        execve(prog, argv, environ);
        child_fail(ST_EXEC, errno);
    }
    const char *path = getenv("PATH");
    if (path == NULL || *path == '\0')
        path = "/usr/local/bin:/usr/bin:/bin";
    int err = ENOENT, seen_eacces = 0;
    char buf[PATH_MAX];
    for (const char *p = path;; p++) {
        const char *colon = strchr(p, ':');
        size_t dl = colon != NULL ? (size_t)(colon - p) : strlen(p);
        int n = dl == 0 ? snprintf(buf, sizeof buf, "%s", prog) /* empty entry = cwd */
                        : snprintf(buf, sizeof buf, "%.*s/%s", (int)dl, p, prog);
        if (n > 0 && n < (int)sizeof buf) {
            execve(buf, argv, environ);
            err = errno;
            if (err == EACCES)
                seen_eacces = 1;
            else if (err != ENOENT && err != ENOTDIR && err != ESTALE && err != ENODEV && err != ETIMEDOUT)
                child_fail(ST_EXEC, err); /* found but not runnable: stop searching, as execvp does */
        }
        if (colon == NULL)
            break;
        p = colon;
    }
    child_fail(ST_EXEC, seen_eacces ? EACCES : err);
}

/* Back to root and into pounce-bind, which applies the options and execs the program. */
static _Noreturn void exec_bind(int as_user)
{
    if (as_user && (seteuid(0) != 0 || setegid(0) != 0))
        child_fail(ST_RESTORE, errno);
    int argc = 0;
    for (char **a = o.argv; *a != NULL; a++)
        argc++;
    char **v = malloc(((size_t)argc + 2 * (size_t)o.ncgroups + 20) * sizeof *v);
    char fd[16], uid[24], gid[24];
    if (v == NULL)
        child_fail(ST_BIND_EXEC, ENOMEM);
    snprintf(fd, sizeof fd, "%d", errfd);
    int n = 0;
    v[n++] = (char *)o.bind;
    v[n++] = "--errfd";
    v[n++] = fd;
    if (o.cpus != NULL) {
        v[n++] = "--cpus";
        v[n++] = (char *)o.cpus;
    }
    for (int i = 0; i < o.ncgroups; i++) {
        v[n++] = "--cgroup";
        v[n++] = (char *)o.cgroups[i];
    }
    if (o.memlock != NULL) {
        v[n++] = "--memlock";
        v[n++] = (char *)o.memlock;
    }
    if (as_user) {
        snprintf(uid, sizeof uid, "%ld", o.uid);
        snprintf(gid, sizeof gid, "%ld", o.gid);
        v[n++] = "--uid";
        v[n++] = uid;
        v[n++] = "--gid";
        v[n++] = gid;
        if (o.groups != NULL) {
            v[n++] = "--groups";
            v[n++] = (char *)o.groups;
        }
    }
    v[n++] = "--";
    for (int i = 0; i < argc; i++)
        v[n++] = o.argv[i];
    v[n] = NULL;
    /* pounce-bind makes the pipe CLOEXEC again first thing */
    if (fcntl(errfd, F_SETFD, 0) != 0)
        child_fail(ST_BIND_EXEC, errno);
    execve(o.bind, v, environ);
    child_fail(ST_BIND_EXEC, errno);
}

static _Noreturn void child(void)
{
    /* Default dispositions first (signals are still blocked, so none is lost), then the mask. */
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            sigaction(s, &dfl, NULL); /* EINVAL for the libc-reserved ones: fine */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);

    int binding = o.bind != NULL && (o.cpus != NULL || o.memlock != NULL || o.ncgroups > 0);
    int as_user = o.uid >= 0 && geteuid() == 0;
    if (as_user && binding) { /* effective ids only: pounce-bind still needs root */
        if (setgroups(o.ngids, o.gids) != 0)
            child_fail(ST_SETGROUPS, errno);
        if (setegid((gid_t)o.gid) != 0)
            child_fail(ST_SETGID, errno);
        if (seteuid((uid_t)o.uid) != 0)
            child_fail(ST_SETUID, errno);
    } else if (as_user) {
        uid_t uid = (uid_t)o.uid;
        gid_t gid = (gid_t)o.gid;
        if (setgroups(o.ngids, o.gids) != 0)
            child_fail(ST_SETGROUPS, errno);
        if (setgid(gid) != 0)
            child_fail(ST_SETGID, errno);
        if (setuid(uid) != 0)
            child_fail(ST_SETUID, errno);
        if (getgid() != gid || getegid() != gid)
            child_fail(ST_SETGID, EPERM);
        if (getuid() != uid || geteuid() != uid || (uid != 0 && setuid(0) == 0))
            child_fail(ST_SETUID, EPERM);
    }
    if (o.cwd != NULL && chdir(o.cwd) != 0)
        child_fail(ST_CHDIR, errno);

    int in = open(o.in != NULL ? o.in : "/dev/null", O_RDONLY | O_NOCTTY | O_CLOEXEC);
    if (in < 0)
        child_fail(ST_STDIN, errno);
    int wflags = O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC | (o.append ? O_APPEND : O_TRUNC);
    int out = o.relay ? o.rout[1] : open(o.out != NULL ? o.out : "/dev/null", wflags, 0666);
    if (out < 0)
        child_fail(ST_STDOUT, errno);
    int err = o.relay ? o.rerr[1] : out;
    if (!o.relay && o.err != NULL && (o.out == NULL || strcmp(o.err, o.out) != 0)) {
        err = open(o.err, wflags, 0666);
        if (err < 0)
            child_fail(ST_STDERR, errno);
    }
    /* 0-2 were open when these were, so none of them is 0-2: dup2 cannot clobber a source. */
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
        child_fail(ST_DUP2, errno);
    close_others();
    if (binding)
        exec_bind(as_user);
    exec_program(o.argv);
    child_fail(ST_EXEC, ENOEXEC); /* not reached */
}

/* ---- the supervisor ---- */

static void describe(int stage, int err, char *m, size_t n)
{
    const char *e = strerror(err);
    switch (stage) {
    case ST_SETGROUPS: snprintf(m, n, "setgroups(%s): %s", o.groups != NULL ? o.groups : "", e); break;
    case ST_SETGID: snprintf(m, n, "setgid(%ld): %s", o.gid, e); break;
    case ST_SETUID: snprintf(m, n, "setuid(%ld): %s", o.uid, e); break;
    case ST_CHDIR: snprintf(m, n, "chdir(%s): %s", o.cwd, e); break;
    case ST_STDIN: snprintf(m, n, "open(%s): %s", o.in != NULL ? o.in : "/dev/null", e); break;
    case ST_STDOUT: snprintf(m, n, "open(%s): %s", o.out != NULL ? o.out : "/dev/null", e); break;
    case ST_STDERR: snprintf(m, n, "open(%s): %s", o.err, e); break;
    case ST_DUP2: snprintf(m, n, "dup2: %s", e); break;
    case ST_EXEC: case ST_B_EXEC: snprintf(m, n, "execve(%s): %s", o.argv[0], e); break;
    case ST_BIND_EXEC: snprintf(m, n, "execve(%s): %s", o.bind, e); break;
    case ST_RESTORE: snprintf(m, n, "seteuid(0): %s", e); break;
    case ST_B_USAGE: snprintf(m, n, "pounce-bind: usage: %s", e); break;
    case ST_B_AFFINITY: snprintf(m, n, "pounce-bind: sched_setaffinity %s: %s", o.cpus, e); break;
    case ST_B_RLIMIT: snprintf(m, n, "pounce-bind: setrlimit RLIMIT_MEMLOCK %s: %s", o.memlock, e); break;
    case ST_B_SETGROUPS: snprintf(m, n, "pounce-bind: setgroups(%s): %s", o.groups != NULL ? o.groups : "", e); break;
    case ST_B_SETGID: snprintf(m, n, "pounce-bind: setgid(%ld): %s", o.gid, e); break;
    case ST_B_SETUID: snprintf(m, n, "pounce-bind: setuid(%ld): %s", o.uid, e); break;
    default:
        if (stage >= ST_B_CGROUP && stage < ST_B_CGROUP + o.ncgroups)
            snprintf(m, n, "pounce-bind: cgroup %s: %s", o.cgroups[stage - ST_B_CGROUP], e);
        else
            snprintf(m, n, "fork: %s", e);
        break;
    }
}

/* ---- --relay ---- */

/* Forwards what one pipe has now as `<tag> <n>\n<bytes>`; returns 0 at EOF or error. */
static int relay_once(int fd, const char *tag)
{
    char buf[65536 + 32];
    ssize_t r;
    while ((r = read(fd, buf + 32, sizeof buf - 32)) < 0 && errno == EINTR)
        ;
    if (r <= 0)
        return 0;
    char head[32];
    int k = snprintf(head, sizeof head, "%s %zd\n", tag, r);
    /* one write per frame: head just before the bytes */
    memcpy(buf + 32 - k, head, (size_t)k);
    write_all(1, buf + 32 - k, (size_t)k + (size_t)r);
    return 1;
}

/* Relays both pipes until the child ended and they are drained (or closed); returns its status. */
static int relay(pid_t pid)
{
    struct pollfd fds[2] = {{.fd = o.rout[0], .events = POLLIN}, {.fd = o.rerr[0], .events = POLLIN}};
    static const char *tags[2] = {"out", "err"};
    int st = 0, exited = 0;
    for (;;) {
        if (!exited) {
            pid_t w = waitpid(pid, &st, WNOHANG);
            if (w == pid || (w < 0 && errno != EINTR))
                exited = 1;
        }
        if (fds[0].fd < 0 && fds[1].fd < 0)
            break;
        int n = poll(fds, 2, exited ? 0 : 200);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (exited)
                break; /* drained: what still holds the pipes is not the task */
            continue;
        }
        for (int i = 0; i < 2; i++)
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0
                && !relay_once(fds[i].fd, tags[i])) {
                close(fds[i].fd);
                fds[i].fd = -1;
            }
    }
    if (!exited)
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
    return st;
}

int main(int argc, char **argv)
{
    /* fds 0-2 must exist, or pipe/open could land there and be clobbered by dup2 */
    for (int fd = 0; fd < 3; fd++)
        if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDWR) != fd)
            return 2;
    parse_args(argc, argv);

    /* Shield the supervisor before the group exists (nothing sent to the group may kill it),
     * and block everything until the fork is done: a blocked signal is kept pending even when
     * ignored, so a signal sent to the group before the fork is forwarded to the child below,
     * and one sent after it waits in the child until the child restored default dispositions. */
    sigset_t all, none, pending;
    sigfillset(&all);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &all, NULL);
    struct sigaction ign = {.sa_handler = SIG_IGN};
    for (int s = 1; s < NSIG; s++)
        if (shielded(s))
            sigaction(s, &ign, NULL);

    setsid(); /* fails only if already a group leader: then the group is ours anyway */

    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        char m[128];
        snprintf(m, sizeof m, "pipe: %s", strerror(errno));
        failed(m);
        return 0;
    }
    if (o.relay && (pipe2(o.rout, O_CLOEXEC) != 0 || pipe2(o.rerr, O_CLOEXEC) != 0)) {
        char m[128];
        snprintf(m, sizeof m, "pipe: %s", strerror(errno));
        failed(m);
        return 0;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        if (o.relay) {
            close(o.rout[0]);
            close(o.rerr[0]);
        }
        errfd = p[1];
        child();
    }
    int fork_err = errno;
    close(p[1]);
    if (o.relay) {
        close(o.rout[1]);
        close(o.rerr[1]);
    }
    if (pid > 0 && sigpending(&pending) == 0)
        for (int s = 1; s < NSIG; s++)
            if (shielded(s) && sigismember(&pending, s) == 1)
                kill(pid, s); /* meant for the job, arrived before it existed */
    sigprocmask(SIG_SETMASK, &none, NULL); /* what is still pending is ignored and dropped */
    char m[3 * PATH_MAX];
    if (pid < 0) {
        describe(ST_NONE, fork_err, m, sizeof m);
        failed(m);
        return 0;
    }

    int msg[2];
    size_t got = 0;
    while (got < sizeof msg) {
        ssize_t r = read(p[0], (char *)msg + got, sizeof msg - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(p[0]);

    int st;
    if (got == sizeof msg) { /* the child reported a failure and exits 127 */
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
        describe(msg[0], msg[1], m, sizeof m);
        failed(m);
        return 0;
    }

    int n = snprintf(m, sizeof m, "started %ld\n", (long)pid);
    write_all(1, m, (size_t)n);

    pid_t w = pid;
    if (o.relay)
        st = relay(pid);
    else
        while ((w = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
            ;
    if (w < 0) {
        snprintf(m, sizeof m, "waitpid: %s", strerror(errno));
        failed(m);
        return 0;
    }
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 0;
    int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    n = snprintf(m, sizeof m, "exited %d %d\n", code, sig);
    final_line(m, (size_t)n);
    return 0;
}
