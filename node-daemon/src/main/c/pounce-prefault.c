/*
 * libpounce-prefault.so - preloaded (LD_PRELOAD) into the tasks of a job with --lwk-mem=prefault.
 * Its constructor runs before the program's main and calls mlockall(MCL_CURRENT | MCL_FUTURE):
 * every page mapped now is faulted in and locked, and every later mapping (heap, stacks, mmap) is
 * populated when it is made and stays resident: no page faults on first touch, no swapping. The
 * node daemon raised RLIMIT_MEMLOCK to the job's memory first (through pounce-bind). If the lock
 * is refused, one line goes to stderr and the program runs unlocked. Dynamic executables only:
 * the dynamic loader is what reads LD_PRELOAD. See docs/lwk-mem.md.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

__attribute__((constructor)) static void pounce_prefault(void)
{
    if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
        fprintf(stderr, "pounce-prefault: mlockall: %s\n", strerror(errno));
}
