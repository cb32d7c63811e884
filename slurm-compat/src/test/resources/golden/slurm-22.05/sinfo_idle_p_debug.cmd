sinfo -p debug
