sinfo -s
