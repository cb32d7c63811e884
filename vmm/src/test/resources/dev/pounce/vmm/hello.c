/* The LWK test task: static, libc-free. Prints "argv[i]=..." for each argument and GREETING from
 * its environment, then exits with the number in argv[1] (0 without one), or, when argv[1] is
 * "segv", dies of SIGSEGV. */
static long sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
static unsigned long len(const char *s) {
  unsigned long n = 0;
  while (s[n]) n++;
  return n;
}
static void out(const char *s) { sys3(1, 1, (long)s, (long)len(s)); }

int hello_main(long argc, char **argv) {
  char **envp = argv + argc + 1;
  for (long i = 0; i < argc; i++) {
    char idx[3] = {(char)('0' + i / 10), (char)('0' + i % 10), 0};
    out("argv[");
    out(i < 10 ? idx + 1 : idx);
    out("]=");
    out(argv[i]);
    out("\n");
  }
  const char *greeting = "(unset)";
  for (char **e = envp; *e; e++) {
    const char *g = "GREETING=", *p = *e;
    while (*g && *g == *p) g++, p++;
    if (!*g) greeting = p;
  }
  out("GREETING=");
  out(greeting);
  out("\n");
  if (argc > 1 && argv[1][0] == 's') *(volatile int *)0 = 0;
  int code = 0;
  if (argc > 1)
    for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++) code = code * 10 + (*p - '0');
  sys3(60, code, 0, 0);
  return 0;
}

__asm__(".globl _start\n"
        "_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov (%rsp), %rdi\n"
        "  lea 8(%rsp), %rsi\n"
        "  and $-16, %rsp\n"
        "  call hello_main\n"
        "  hlt\n");
