sbatch --begin=T --wrap=true
