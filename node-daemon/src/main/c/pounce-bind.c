/*
 * pounce-bind - the libc-free exec wrapper that applies a task's placement and limits, then
 * execs the task in the same pid.
 *
 *   pounce-bind [--errfd N] [--cpus LIST] [--cgroup FILE]... [--memlock BYTES|unlimited]
 *               [--uid U --gid G [--groups g1,g2,...]] -- PROGRAM [ARGS...]
 *
 * In this order, in the calling process:
 *   --cpus LIST     sched_setaffinity to the CPUs of LIST (Linux cpulist: "0-3,8", ids < 1024);
 *   --cgroup FILE   writes "0" (this process) to FILE, a cgroup.procs (v2, v1) or tasks file:
 *                   the process joins the task's cgroup, each time another hierarchy;
 *   --memlock N     setrlimit(RLIMIT_MEMLOCK, N bytes or RLIM_INFINITY) (--lwk-mem);
 *   --uid/--gid     setgroups(groups, or just G), setgid(G), setuid(U): joining cgroups and
 *                   raising limits happen while still root, the task never is;
 *   execve PROGRAM  (searched in the environment's PATH when it has no '/', like execvp but
 *                   never through /bin/sh), with the environment unchanged.
 * It is built with gcc -nostdlib -static: no dynamic loader, no libc start-up, a handful of
 * raw x86-64 syscalls, so it costs a few tens of microseconds on top of the task's own exec.
 *
 * Errors: with --errfd N (pounce-exec's CLOEXEC error pipe, inherited without CLOEXEC) the
 * failure goes there as two ints (stage, errno), the protocol of pounce-exec's child, and
 * pounce-exec prints the one-line message (`pounce-bind: sched_setaffinity 0-3: Invalid
 * argument`); without it the message `pounce-bind: <what>: errno <n>` goes to stderr. Either way
 * the exit status is 127. N is made CLOEXEC again first, so a successful exec closes it: its EOF
 * tells pounce-exec the task started.
 */

typedef unsigned long u64;

/* The compiler may call these for struct copies and zeroing; there is no libc to provide them. */
void *memset(void *d, int c, u64 n);
void *memset(void *d, int c, u64 n)
{
    unsigned char *p = d;
    while (n-- > 0)
        *p++ = (unsigned char)c;
    return d;
}

/* pounce-exec knows these stage numbers (enum stage in pounce-exec.c, from ST_BIND on). */
enum { ST_BIND = 20, ST_USAGE = ST_BIND, ST_AFFINITY, ST_RLIMIT, ST_SETGROUPS, ST_SETGID,
       ST_SETUID, ST_EXEC, ST_CGROUP /* + index of the --cgroup option */ };

#define SYS_write 1
#define SYS_open 2
#define SYS_close 3
#define SYS_execve 59
#define SYS_exit 60
#define SYS_fcntl 72
#define SYS_setuid 105
#define SYS_setgid 106
#define SYS_setgroups 116
#define SYS_setrlimit 160
#define SYS_sched_setaffinity 203

#define O_WRONLY 1
#define O_CLOEXEC 02000000
#define F_SETFD 2
#define FD_CLOEXEC 1
#define RLIMIT_MEMLOCK 8
#define EINVAL 22
#define ENOENT 2
#define EACCES 13
#define ENOTDIR 20
#define E2BIG 7

static long sys3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}

/* Entry: the kernel leaves argc, argv[], NULL, envp[], NULL on the stack. */
__asm__(".text\n.globl _start\n_start:\n"
        "  xor %rbp, %rbp\n"
        "  mov %rsp, %rdi\n"
        "  and $-16, %rsp\n"
        "  call bind_main\n"
        "  hlt\n");

static int errfd = -1;
static const char *what_arg; /* for the stderr message */

static u64 len(const char *s)
{
    u64 n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static int eq(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b)
        a++, b++;
    return *a == *b;
}

static void put(const char *s)
{
    sys3(SYS_write, 2, (long)s, (long)len(s));
}

static __attribute__((noreturn)) void die(int stage, long err)
{
    if (errfd >= 0) {
        int msg[2] = {stage, (int)-err};
        sys3(SYS_write, errfd, (long)msg, sizeof msg);
    } else {
        char num[24];
        int i = sizeof num;
        num[--i] = '\0';
        u64 e = (u64)-err;
        do
            num[--i] = (char)('0' + e % 10);
        while ((e /= 10) != 0 && i > 0);
        put("pounce-bind: stage ");
        put(what_arg != 0 ? what_arg : "?");
        put(": errno ");
        put(num + i);
        put("\n");
    }
    sys3(SYS_exit, 127, 0, 0);
    __builtin_unreachable();
}

/* Decimal, all of s; -1 when not a number. */
static long number(const char *s)
{
    if (*s == '\0')
        return -1;
    long v = 0;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9' || v > 0x7fffffffffffL / 10)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* "0-3,8" into a 1024-bit mask; 0 on a malformed list. */
static int cpulist(const char *s, u64 mask[16])
{
    if (*s == '\0')
        return 0;
    while (*s != '\0') {
        long a = 0, b;
        if (*s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            a = a * 10 + (*s++ - '0');
        b = a;
        if (*s == '-') {
            s++;
            if (*s < '0' || *s > '9')
                return 0;
            b = 0;
            while (*s >= '0' && *s <= '9')
                b = b * 10 + (*s++ - '0');
        }
        if (a > b || b >= 1024)
            return 0;
        for (long c = a; c <= b; c++)
            mask[c / 64] |= 1UL << (c % 64);
        if (*s == ',')
            s++;
        else if (*s != '\0')
            return 0;
    }
    return 1;
}

/* "1,20,300" into gids; their count, or -1. */
static long gidlist(const char *s, unsigned *gids, long max)
{
    long n = 0;
    while (*s != '\0') {
        long v = 0;
        const char *start = s;
        while (*s >= '0' && *s <= '9')
            v = v * 10 + (*s++ - '0');
        if (s == start || n >= max || v > 0xfffffffeL)
            return -1;
        gids[n++] = (unsigned)v;
        if (*s == ',')
            s++;
        else if (*s != '\0')
            return -1;
    }
    return n;
}

static const char *getenv_path(char **envp)
{
    for (; *envp != 0; envp++) {
        const char *e = *envp;
        if (e[0] == 'P' && e[1] == 'A' && e[2] == 'T' && e[3] == 'H' && e[4] == '=')
            return e + 5;
    }
    return "/usr/local/bin:/usr/bin:/bin";
}

/* execvp without the /bin/sh fallback; returns the errno to report. */
static long exec_program(char **argv, char **envp)
{
    const char *prog = argv[0];
    for (const char *p = prog; *p != '\0'; p++)
        if (*p == '/')
            return sys3(SYS_execve, (long)prog, (long)argv, (long)envp);
    const char *path = getenv_path(envp);
    long err = -ENOENT, eacces = 0;
    char buf[4096];
    u64 pl = len(prog);
    for (const char *p = path;; p++) {
        const char *q = p;
        while (*q != '\0' && *q != ':')
            q++;
        u64 dl = (u64)(q - p), n = 0;
        if (dl + 1 + pl + 1 <= sizeof buf) {
            for (u64 i = 0; i < dl; i++)
                buf[n++] = p[i];
            if (dl > 0)
                buf[n++] = '/';
            for (u64 i = 0; i <= pl; i++)
                buf[n++] = prog[i];
            err = sys3(SYS_execve, (long)buf, (long)argv, (long)envp);
            if (err == -EACCES)
                eacces = 1;
            else if (err != -ENOENT && err != -ENOTDIR)
                return err; /* found but not runnable: stop, as execvp does */
        }
        if (*q == '\0')
            break;
        p = q;
    }
    return eacces ? -EACCES : err;
}

#define MAX_CGROUPS 8
#define MAX_GROUPS 1024

__attribute__((used)) void bind_main(long *sp)
{
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;
    const char *cpus = 0, *memlock = 0, *groups = 0, *cgroups[MAX_CGROUPS];
    long uid = -1, gid = -1, ncg = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (eq(a, "--")) {
            i++;
            break;
        }
        if (i + 1 >= argc)
            die(ST_USAGE, -EINVAL);
        const char *v = argv[++i];
        if (eq(a, "--errfd")) {
            errfd = (int)number(v);
            if (errfd < 0 || sys3(SYS_fcntl, errfd, F_SETFD, FD_CLOEXEC) < 0)
                errfd = -1;
        } else if (eq(a, "--cpus")) {
            cpus = v;
        } else if (eq(a, "--cgroup") && ncg < MAX_CGROUPS) {
            cgroups[ncg++] = v;
        } else if (eq(a, "--memlock")) {
            memlock = v;
        } else if (eq(a, "--uid")) {
            uid = number(v);
        } else if (eq(a, "--gid")) {
            gid = number(v);
        } else if (eq(a, "--groups")) {
            groups = v;
        } else {
            what_arg = a;
            die(ST_USAGE, -EINVAL);
        }
    }
    if (i >= argc || (uid < 0) != (gid < 0))
        die(ST_USAGE, -EINVAL);

    if (cpus != 0) {
        u64 mask[16] = {0};
        what_arg = "sched_setaffinity";
        if (!cpulist(cpus, mask))
            die(ST_AFFINITY, -EINVAL);
        long r = sys3(SYS_sched_setaffinity, 0, sizeof mask, (long)mask);
        if (r < 0)
            die(ST_AFFINITY, r);
    }
    for (long c = 0; c < ncg; c++) {
        what_arg = "cgroup";
        long fd = sys3(SYS_open, (long)cgroups[c], O_WRONLY | O_CLOEXEC, 0);
        if (fd < 0)
            die(ST_CGROUP + (int)c, fd);
        long w = sys3(SYS_write, fd, (long)"0", 1);
        sys3(SYS_close, fd, 0, 0);
        if (w < 0)
            die(ST_CGROUP + (int)c, w);
    }
    if (memlock != 0) {
        what_arg = "setrlimit";
        u64 lim[2];
        long v = eq(memlock, "unlimited") ? -1 : number(memlock);
        if (v < 0 && !eq(memlock, "unlimited"))
            die(ST_RLIMIT, -EINVAL);
        lim[0] = lim[1] = v < 0 ? ~0UL : (u64)v;
        long r = sys3(SYS_setrlimit, RLIMIT_MEMLOCK, (long)lim, 0);
        if (r < 0)
            die(ST_RLIMIT, r);
    }
    if (uid >= 0) {
        static unsigned gids[MAX_GROUPS];
        long n = 1;
        gids[0] = (unsigned)gid;
        if (groups != 0 && (n = gidlist(groups, gids, MAX_GROUPS)) < 0)
            die(ST_SETGROUPS, -EINVAL);
        long r;
        what_arg = "setgroups";
        if ((r = sys3(SYS_setgroups, n, (long)gids, 0)) < 0)
            die(ST_SETGROUPS, r);
        what_arg = "setgid";
        if ((r = sys3(SYS_setgid, gid, 0, 0)) < 0)
            die(ST_SETGID, r);
        what_arg = "setuid";
        if ((r = sys3(SYS_setuid, uid, 0, 0)) < 0)
            die(ST_SETUID, r);
        if (uid != 0 && sys3(SYS_setuid, 0, 0, 0) == 0)
            die(ST_SETUID, -1); /* EPERM: root could be regained */
    }
    what_arg = "execve";
    die(ST_EXEC, exec_program(argv + i, envp));
}
