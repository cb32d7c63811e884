sbatch -C foo --wrap=true
