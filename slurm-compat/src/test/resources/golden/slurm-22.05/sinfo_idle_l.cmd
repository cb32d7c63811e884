sinfo -l
