sinfo -t alloc
