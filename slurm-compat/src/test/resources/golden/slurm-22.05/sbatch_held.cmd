sbatch -H --wrap=true
