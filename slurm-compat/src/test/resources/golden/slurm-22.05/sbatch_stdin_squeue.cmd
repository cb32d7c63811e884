squeue -j 68 -t all -o '%i %j %T'
