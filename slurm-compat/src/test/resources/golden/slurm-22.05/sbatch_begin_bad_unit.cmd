sbatch --begin=now+1h --wrap=true
