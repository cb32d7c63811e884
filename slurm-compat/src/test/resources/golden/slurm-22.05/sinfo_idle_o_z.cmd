sinfo -o %z
