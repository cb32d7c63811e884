sinfo -n n1 -t alloc
