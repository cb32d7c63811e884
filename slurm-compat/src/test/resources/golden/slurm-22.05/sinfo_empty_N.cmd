sinfo -N -t alloc
