sinfo -N
