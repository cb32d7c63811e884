sinfo -N -l
