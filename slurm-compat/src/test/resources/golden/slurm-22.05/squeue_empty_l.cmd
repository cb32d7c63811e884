squeue -l
