sinfo -h -t alloc -o '%P %t'
