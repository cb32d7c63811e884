sbatch --begin=now+1hour --wrap=true
