squeue -h --name=sleeper -o %i
