sbatch --begin=12/25/2027 --wrap=true
