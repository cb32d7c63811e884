/*
 * pounce-init: the libc-free PID 1 of the LWK backend's `linux` boot protocol.
 *
 * The initramfs (written by dev.pounce.elf.initramfs.TaskInitramfs) holds
 *   /task           the task's ELF
 *   /pounce/argv    the task's argv, each string NUL-terminated (argv[0] first)
 *   /pounce/env     the task's environment, "NAME=value" strings, each NUL-terminated
 *   /dev/console    character device 5:1
 * pounce-init turns off the console's \n -> \r\n translation (so the task's bytes arrive as
 * written), prints "pounce-init: start", runs /task with that argv and environment, reaps every
 * child until the task has ended, prints exactly one line
 *   pounce-init: exit <code> <signal>
 * (code = exit status, signal = terminating signal, one of them 0) and restarts the machine,
 * which QEMU run with -no-reboot turns into its own exit. On a setup failure it prints
 *   pounce-init: error <what> <errno>
 * and exits, so the kernel panics with "Attempted to kill init" and the launcher reports it.
 * Built with gcc -nostdlib -static -no-pie: no libc, only raw x86-64 system calls.
 */
#define SYS_read 0
#define SYS_write 1
#define SYS_open 2
#define SYS_close 3
#define SYS_ioctl 16
#define SYS_dup2 33
#define SYS_fork 57
#define SYS_execve 59
#define SYS_exit 60
#define SYS_wait4 61
#define SYS_reboot 169

#define O_RDONLY 0
#define O_RDWR 2
#define TCGETS 0x5401
#define TCSETS 0x5402
#define OPOST 0000001
#define REBOOT_MAGIC1 0xfee1dead
#define REBOOT_MAGIC2 672274793
#define REBOOT_RESTART 0x01234567

#define MAX_BYTES (256 * 1024)
#define MAX_STRINGS 4096

typedef unsigned long ulong;

static long sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}

static long sys4(long n, long a, long b, long c, long d) {
  long r;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return r;
}

static ulong len(const char *s) {
  ulong n = 0;
  while (s[n]) n++;
  return n;
}

static void say(const char *s) { sys3(SYS_write, 1, (long)s, (long)len(s)); }

static char *utoa(ulong v, char *end) {
  *--end = 0;
  do {
    *--end = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return end;
}

static void say_num(ulong v) {
  char buf[24];
  say(utoa(v, buf + sizeof buf));
}

static void halt(void) {
  sys4(SYS_reboot, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_RESTART, 0);
  for (;;) sys3(SYS_exit, 1, 0, 0);
}

static void fail(const char *what, long err) {
  say("pounce-init: error ");
  say(what);
  say(" ");
  say_num((ulong)-err);
  say("\n");
  sys3(SYS_exit, 1, 0, 0);
  for (;;) {
  }
}

static char argv_bytes[MAX_BYTES], env_bytes[MAX_BYTES];
static char *argv_ptrs[MAX_STRINGS + 1], *env_ptrs[MAX_STRINGS + 1];

/* Reads a file of NUL-terminated strings into buf and points ptrs at them (NULL-terminated). */
static void load(const char *path, char *buf, char **ptrs) {
  long fd = sys3(SYS_open, (long)path, O_RDONLY, 0);
  if (fd < 0) fail(path, fd);
  long total = 0, n;
  while ((n = sys3(SYS_read, fd, (long)(buf + total), MAX_BYTES - 1 - total)) > 0) total += n;
  if (n < 0) fail(path, n);
  sys3(SYS_close, fd, 0, 0);
  buf[total] = 0;
  long count = 0, start = 0;
  for (long i = 0; i < total; i++) {
    if (buf[i] == 0) {
      if (count == MAX_STRINGS) fail(path, -7 /* E2BIG */);
      ptrs[count++] = buf + start;
      start = i + 1;
    }
  }
  ptrs[count] = 0;
}

struct termios_k {
  unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line, c_cc[19];
};

int init_main(void) {
  if (sys3(SYS_ioctl, 1, TCGETS, 0) == -9 /* EBADF: the kernel found no /dev/console */) {
    long fd = sys3(SYS_open, (long)"/dev/console", O_RDWR, 0);
    if (fd < 0) halt();
    for (long i = 0; i < 3; i++)
      if (fd != i) sys3(SYS_dup2, fd, i, 0);
  }
  struct termios_k t;
  if (sys3(SYS_ioctl, 1, TCGETS, (long)&t) == 0) {
    t.c_oflag &= ~(unsigned int)OPOST;
    sys3(SYS_ioctl, 1, TCSETS, (long)&t);
  }
  load("/pounce/argv", argv_bytes, argv_ptrs);
  load("/pounce/env", env_bytes, env_ptrs);
  if (!argv_ptrs[0]) fail("/pounce/argv", -22 /* EINVAL: empty argv */);
  say("pounce-init: start\n");
  long pid = sys3(SYS_fork, 0, 0, 0);
  if (pid < 0) fail("fork", pid);
  if (pid == 0) {
    long err = sys3(SYS_execve, (long)"/task", (long)argv_ptrs, (long)env_ptrs);
    fail("execve /task", err);
  }
  int status = 0;
  for (;;) {
    long r = sys4(SYS_wait4, -1, (long)&status, 0, 0);
    if (r == pid) break;
    if (r < 0) fail("wait4", r);
  }
  int sig = status & 0x7f, code = sig ? 0 : (status >> 8) & 0xff;
  say("pounce-init: exit ");
  say_num((ulong)code);
  say(" ");
  say_num((ulong)sig);
  say("\n");
  halt();
  return 0;
}

/* The kernel enters with the stack pointer 16-byte aligned; keep the ABI's call alignment. */
__asm__(".globl _start\n"
        "_start:\n"
        "  xor %ebp, %ebp\n"
        "  and $-16, %rsp\n"
        "  call init_main\n"
        "  hlt\n");
