/*
 * net.c - pounce-client: finding the controller (environment, client.conf) and connecting
 * to it (non-blocking connect + poll, 5 s timeout per address, TCP_NODELAY).
 */
#include "client.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Strips leading and trailing white space in place. */
static char *trim(char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* The value of the first `controller = value` line of a client.conf (`#` starts a comment).
 * Returns 1 and fills `out` when found. */
static int conf_lookup(const char *path, char *out, size_t n)
{
    static char buf[65536];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    size_t len = 0;
    while (len < sizeof buf - 1) {
        ssize_t r = read(fd, buf + len, sizeof buf - 1 - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = '\0';

    for (char *line = buf; line != NULL;) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        char *hash = strchr(line, '#');
        if (hash != NULL)
            *hash = '\0';
        char *k = trim(line);
        if (strncmp(k, "controller", 10) == 0) {
            char *v = trim(k + 10);
            if (*v == '=') {
                v = trim(v + 1);
                if (*v != '\0' && strlen(v) < n) {
                    memcpy(out, v, strlen(v) + 1);
                    return 1;
                }
            }
        }
        line = nl != NULL ? nl + 1 : NULL;
    }
    return 0;
}

void controller_list(char *out, size_t n)
{
    const char *e = getenv("POUNCE_CONTROLLER");
    if (e != NULL && *e != '\0' && strlen(e) < n) {
        memcpy(out, e, strlen(e) + 1);
        return;
    }
    e = getenv("POUNCE_CONF");
    if (e != NULL && *e != '\0' && conf_lookup(e, out, n))
        return;
    if (conf_lookup("/etc/pounce/client.conf", out, n))
        return;
    /* <dir of the binary>/../etc/client.conf (symlinks such as bin/sbatch resolve to the binary) */
    char exe[PATH_MAX + 32];
    ssize_t l = readlink("/proc/self/exe", exe, PATH_MAX);
    if (l > 0) {
        exe[l] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL) {
            strcpy(slash, "/../etc/client.conf");
            if (conf_lookup(exe, out, n))
                return;
        }
    }
    snprintf(out, n, "%s", DEFAULT_CONTROLLER);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One address: non-blocking connect, poll for at most CONNECT_TIMEOUT_MS, then back to blocking. */
static int connect_addr(const struct sockaddr *sa, socklen_t salen)
{
    int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, sa, salen) < 0) {
        if (errno != EINPROGRESS && errno != EINTR)
            goto fail;
        long deadline = now_ms() + CONNECT_TIMEOUT_MS;
        for (;;) {
            long left = deadline - now_ms();
            if (left <= 0)
                goto fail;
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            int r = poll(&pfd, 1, (int)left);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                goto fail;
            break;
        }
        int err = 0;
        socklen_t el = sizeof err;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0 || err != 0)
            goto fail;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
fail:
    close(fd);
    return -1;
}

/* Splits one list entry into host and port: `host:port`, `[v6]:port`, `host`, bare IPv6. */
static int split_entry(char *e, char **host, char **port)
{
    *port = DEFAULT_PORT;
    if (*e == '[') {
        char *rb = strchr(e, ']');
        if (rb == NULL)
            return -1;
        *rb = '\0';
        *host = e + 1;
        if (rb[1] == ':')
            *port = rb + 2;
        return 0;
    }
    *host = e;
    char *c = strchr(e, ':');
    if (c != NULL && strchr(c + 1, ':') == NULL) { /* exactly one colon: host:port */
        *c = '\0';
        *port = c + 1;
    }
    return 0;
}

static int connect_entry(char *entry)
{
    char *host, *port;
    if (split_entry(entry, &host, &port) < 0 || *host == '\0')
        return -1;

    /* Numeric addresses skip the resolver (the common case: cheap and no NSS). */
    char *end;
    unsigned long pn = strtoul(port, &end, 10);
    if (*end == '\0' && pn > 0 && pn < 65536) {
        struct sockaddr_in s4 = {.sin_family = AF_INET, .sin_port = htons((unsigned short)pn)};
        if (inet_pton(AF_INET, host, &s4.sin_addr) == 1)
            return connect_addr((struct sockaddr *)&s4, sizeof s4);
        struct sockaddr_in6 s6 = {.sin6_family = AF_INET6, .sin6_port = htons((unsigned short)pn)};
        if (inet_pton(AF_INET6, host, &s6.sin6_addr) == 1)
            return connect_addr((struct sockaddr *)&s6, sizeof s6);
    }

    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    int fd = -1;
    for (struct addrinfo *ai = res; ai != NULL && fd < 0; ai = ai->ai_next)
        fd = connect_addr(ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(res);
    return fd;
}

int controller_connect(const char *list, char *host, size_t hostn)
{
    char copy[CONTROLLER_LIST_MAX];
    snprintf(copy, sizeof copy, "%s", list);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        char *e = trim(tok);
        if (*e == '\0')
            continue;
        snprintf(host, hostn, "%s", e);
        int fd = connect_entry(e);
        if (fd >= 0)
            return fd;
    }
    return -1;
}
