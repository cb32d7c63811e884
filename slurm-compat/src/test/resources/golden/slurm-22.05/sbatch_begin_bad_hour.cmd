sbatch --begin=25:00 --wrap=true
