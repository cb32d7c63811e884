sbatch --begin=13:00PM --wrap=true
