sinfo -l -t alloc | tail -n +2
