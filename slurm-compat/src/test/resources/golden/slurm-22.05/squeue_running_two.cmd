squeue
