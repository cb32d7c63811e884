sinfo -R -t alloc
