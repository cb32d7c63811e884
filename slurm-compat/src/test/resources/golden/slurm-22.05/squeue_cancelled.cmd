squeue -t all -j 70
