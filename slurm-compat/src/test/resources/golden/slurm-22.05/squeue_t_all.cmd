squeue -t all
