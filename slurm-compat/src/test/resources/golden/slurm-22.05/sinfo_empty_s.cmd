sinfo -s -t alloc
