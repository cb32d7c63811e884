sbatch -Q -J quietjob --wrap='echo hello'; squeue -h -t all --name=quietjob -o '%i %j'
