sinfo -t alloc -o '%a %D %t'
