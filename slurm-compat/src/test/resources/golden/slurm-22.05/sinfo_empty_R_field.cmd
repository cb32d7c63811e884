sinfo -t alloc -o '%R %D'
