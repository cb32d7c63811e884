squeue -t PD
