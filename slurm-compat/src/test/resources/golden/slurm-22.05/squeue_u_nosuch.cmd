squeue -u nosuch
