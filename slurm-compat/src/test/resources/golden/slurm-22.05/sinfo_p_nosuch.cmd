sinfo -p nosuch
